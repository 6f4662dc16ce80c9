import Testing

@testable import TariffExtraction

/// Words and numbers that look like dates but are not, and text around articles that commits to nothing.
extension DeadlineSpecTests {
    static let notDates: [DeadlineSpec] = [
        on(friday, "Prices may rise further, analysts said."),
        on(friday, "May the best team win."),
        on(friday, "Farmers march on the capital every spring."),
        on(friday, "March is often the busiest month for exporters."),
        on(friday, "Protesters plan to march through the port."),
        on(friday, "The 2020 Phase One agreement set purchase targets."),
        on(friday, "The 2026 World Cup will be held in North America."),
        on(friday, "China failed to meet its 2021 purchase commitments."),
        on(friday, "The company employs 2,500 people in 12 countries."),
        on(friday, "Tariffs rose 25 percent to 145%."),
        on(friday, "The index fell 3.5% to 1,250 points."),
        on(friday, "The machine works from -20°C to 60°C."),
        on(friday, "Temperatures ranged from 10 to 31 degrees."),
        on(friday, "A 25-year-old man was arrested at the border."),
        on(friday, "He is 45 years old and runs a trading firm."),
        on(friday, "Section 301 duties cover 7,500 products."),
        on(friday, "Boeing delivered 737 jets to Chinese airlines."),
        on(friday, "The G20 leaders discussed COVID-19 recovery."),
        on(friday, "The score was 3-1 after 90 minutes."),
        on(friday, "Call 1-800-555-0199 for details."),
        on(friday, "Gold traded at $2,400 an ounce."),
        on(friday, "The fund's Tomorrow Portfolio gained 4%."),
        on(friday, "The forum's theme was Building a Sustainable Tomorrow."),
        on(friday, "Black Friday sales rose 5%."),
        on(friday, "Shares of Best Buy fell 2% on the news."),
        on(friday, "The company said it may expand in the coming years."),
        on(friday, "Now is the time to act, he said."),
        on(friday, "She has worked there for 20 years."),
        on(friday, "The 90-day truce produced results."),
        on(friday, "Exports grew 12% in 2024."),
        on(friday, "Exports will be reviewed in 2026."),
        on(friday, "Next year's election will decide the policy."),
        on(friday, "Just this month, Beijing announced sweeping export controls."),
        on(friday, "Earlier this year, tariffs hit 145%."),
        on(friday, "Tariffs imposed earlier this month hit farmers."),
        on(friday, "The policy has been in place for several years."),
        on(friday, "Tensions have simmered for months."),
        on(friday, "Talks are set for this weekend."),
        on(friday, "Factories usually close over the summer."),
        on(friday, "Shipments are inspected weekly."),
        on(friday, "Prices are currently falling."),
        on(friday, "A decision is expected soon."),
        on(friday, "The deal was recently extended."),
        on(friday, "In today's world, supply chains are global."),
        on(friday, "The Beatles released their album in the 1960s."),
        on(friday, "The order number is 11/45/99."),
        on(friday, "The model 2025-X sold well."),
        on(friday, "The Wall Street Journal reported the story."),
        on(friday, "Apple's iPhone 17 sold 10 million units."),
        on(friday, "Trump told reporters on Wednesday in the Oval Office that a deal was close."),
        on(friday, "The ministry said in a statement on Monday that exports had recovered."),
        on(friday, "The ship carried 20 containers of soybeans."),
        // spans, not dates: an adjective, a look back, a counterfactual, a date of saying
        on(friday, "Washington and Beijing lock in a year-long truce.", ),
        on(friday, "Exports grew at the fastest pace in three years.", ),
        on(friday, "Officials on Monday described the talks as constructive.", ),
        on(friday, "Diplomats warning on Monday that talks could fail said nothing more.", ),
    ]

    static let boilerplate: [DeadlineSpec] = [
        on(friday, "Sign up for our newsletter by November 30 to get 20% off."),
        on(friday, "Subscribe now and save 50% until December 31."),
        on(friday, "Rated #1 by traders, our platform has been the leading choice for customs brokers since 2019."),
        on(friday, "Our platform is the leading choice for brokers; offer ends November 30."),
        on(friday, "Leave a Reply to this post before November 5."),
        on(friday, "Click here to register for the webinar on November 12."),
        on(friday, "Read also: EU to decide on steel quotas on November 20"),
        on(friday, "Post Comment before December 1 to enter the draw; sign up today."),
        on(friday, "Download our app and follow us for updates on the December 1 deadline."),
        on(
            friday,
            "Xi Jinping and Donald Trump take part in a welcome ceremony in Beijing on November 9, 2026. Getty Images"),
        on(friday, "Delegates arrive at the summit venue on Saturday. AP Photo"),
        on(friday, "Trucks wait at the border crossing on Monday / Reuters"),
        on(friday, "Photo: Delegates arrive at the summit venue on Saturday."),
        on(friday, "FILE PHOTO: Containers are stacked at a port on November 3."),
        on(friday, "Published October 24, 2025"),
        on(friday, "Updated: November 2, 2025 at 10:00"),
        on(friday, "Posted on October 24, 2025 by Staff"),
        on(friday, "Advertisement: Fall sale ends November 30!"),
        on(
            friday, "The talks open on Monday, according to Reuters.",
            due("2025-10-27", .meeting)),
        on(
            friday, "Officials will meet on Tuesday.\nPhoto: Delegates at the summit venue. Reuters",
            due("2025-10-28", .meeting)),
        on(friday, "LIVE Q&A: what the tariffs mean for you — Thursday, Oct. 30, 10 a.m. ET. Register now.", ),
        on(friday, "By Jane Doe | Published Nov. 20, 2025, 7:05 a.m. ET | Updated Nov. 20, 2025", ),
    ]

    @Test(arguments: notDates)
    func notADeadline(_ spec: DeadlineSpec) { check(spec) }

    @Test(arguments: boilerplate)
    func boilerplateIsIgnored(_ spec: DeadlineSpec) { check(spec) }
}
