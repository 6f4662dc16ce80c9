import Testing

@testable import TariffExtraction

/// Percentages that are not tariffs, and tariff words without a measure: all must yield nothing.
@Suite struct TariffTrapSpecTests {
    static let traps: [TariffSpec] = [
        // market shares, growth, polls, probabilities, prices
        spec("China controls about 90% of the world's rare earth processing, which tariffs cannot change."),
        spec("Exports to the US fell 12% after the tariffs were announced."),
        spec("Chinese exports rose 8.3% in September despite US tariffs."),
        spec("A poll found 62% of Americans oppose new tariffs."),
        spec("Markets see a 40% chance that tariffs on Canada are lifted."),
        spec("Economists put the probability of a US recession at 35% because of tariffs."),
        spec("Tariffs pushed inflation up 0.3% last month."),
        spec("The tariffs will shave 0.5% off GDP growth, the IMF said."),
        spec("Soybean prices dropped 15% as Chinese duties bit."),
        spec("The tariff shock sent the S&P 500 down 10% in two days."),
        spec("US stocks jumped 9.5% after Trump paused the tariffs."),
        spec("About 55% of respondents blamed tariffs for higher prices."),
        spec("Tariff revenue rose 30% to $30 billion in September."),
        spec("Steel makers hold a 25% share of the market despite import duties."),
        spec("Unemployment in tariff-hit regions climbed to 6.1%."),
        spec("The yuan weakened 0.4% as traders weighed the tariff threat."),
        spec("Consumer confidence slid 5% as tariffs bit."),
        spec("Retailers expect a 20% drop in holiday sales because of tariffs."),
        spec("Shipping rates surged 40% ahead of the tariff deadline."),
        spec("The company's profit margin narrowed by 3% due to duties on components."),
        spec("Nearly 70% of the tariff costs were passed on to consumers."),
        spec("Tariffs account for 15% of the car's price increase, analysts estimate."),
        spec("Chinese imports made up 13.4% of US imports last year, down from 21% before the tariff war."),
        spec("Duties collected jumped 200% year on year."),
        // ad copy, temperatures, discounts
        spec("Save 30% on duty-free perfume this weekend only!"),
        spec("Get 20% off all tax-free purchases at the airport."),
        spec("Industrial panel PCs rated for 95% humidity avoid customs duty headaches, the ad says."),
        spec("The battery keeps 80% capacity after 1,000 cycles, and no import tax applies."),
        // tariff words that are not measures
        spec("The tariff war has lasted seven years."),
        spec("Talks on tariff relief will resume on Monday."),
        spec("The Supreme Court will hear the tariff case in November."),
        spec("The US launched a Section 301 tariff investigation into Brazil."),
        spec("Analysts warned the tariff truce may not hold."),
        spec("Both sides want to avoid further escalation of the tariff dispute."),
        spec("Officials from both countries discussed tariffs in Kuala Lumpur."),
        spec("He was on duty when the shipment arrived."),
        spec("The levee broke after heavy rain."),
        spec("Taxes on income rose 5% in the budget."),
        spec("The digital services tax of 3% angered Washington."),
        spec("Trump called himself Tariff Man during the campaign."),
        spec("Both governments said tariffs hurt consumers."),
        spec("Beijing wants the US to lower tariffs."),
        spec("The two leaders did not discuss tariffs."),
        spec("The truce paused these duties through November 10."),
        spec("Prices for duty-free goods fell 5%."),
        spec("The tariff commission will meet next week."),
        spec("Tariffs are taxes paid by importers, economists say."),
        spec("Trump said tariffs would make America rich again."),
        spec("Investors fear tariffs could return to triple-digit levels."),
        spec("The US and China agreed to keep talking about tariffs and export controls."),
        spec("Vietnam's GDP grew 7.5% even as tariffs loomed."),
        spec("The odds of a tariff deal stand at 65%, according to Polymarket."),
        spec("Tariffs have cost US farmers an estimated 27% of their export income."),
        spec("Turnout reached 66% in an election fought over tariffs."),
        spec("Approval of Trump's tariff policy fell to 38%."),
        spec("Tariffs were blamed for a 9% rise in furniture prices."),
        spec("Duty rates on the ferry rose 4% in summer."),
        spec("The ministry said 45% of exporters had found new markets despite US duties."),
        spec("With tariffs looming, 30% of firms moved production to Mexico."),
        spec("The EU will discuss whether to retaliate against US tariffs next month."),
        spec("Excise duty of 10% on tobacco rises in April."),
        spec("The central bank kept its policy rate at 5.5% despite tariffs."),
        spec("Stamp duty of 5% applies to homes bought by foreign buyers, not to imports."),
    ]

    @Test(arguments: traps)
    func yieldsNothing(_ spec: TariffSpec) { check(spec) }
}
