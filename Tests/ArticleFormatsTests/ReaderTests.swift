import Foundation
import TariffExtraction
import Testing

@testable import ArticleFormats

@Suite("Readers: the article's text without page furniture, and what the format says about it")
struct ReaderTests {
    @Test("a news page: the story's paragraphs, none of the clutter around them")
    func newsPage() throws {
        let file = try ArticleDecoder().decode(try fixtureBytes("eu-steel.html"), fileName: "eu-steel.html", modificationDay: fixtureDay)
        let page = try #require(file.articles.first)
        #expect(file.format == .html && file.articles.count == 1)
        #expect(page.text == """
            EU to hit US steel with new duties next month

            The European Union will impose additional 25% tariffs on US steel and aluminum starting next month, the European Commission said on Monday.

            Officials said the list of targeted goods could still be shortened before the measures take effect on November 1.

            Trade ministers will meet in Luxembourg on Thursday to discuss the response.
            """)
        #expect(page.published?.origin == "meta article:published_time")
    }

    @Test("furniture by element, role, class and hiding is dropped; prose in plain divs is kept", arguments: [
        ("<nav><p>Markets Tariffs Opinion</p></nav>", false),
        ("<div role=\"navigation\"><p>Home</p></div>", false),
        ("<div class=\"social-share\"><p>Share this on X</p></div>", false),
        ("<div id=\"cookie-consent\"><p>We use cookies.</p></div>", false),
        ("<p style=\"display: none\">Hidden teaser</p>", false),
        ("<div aria-hidden=\"true\"><p>Decorative</p></div>", false),
        ("<figure><img src=x><figcaption>Steel coils, 3 March 2025.</figcaption></figure>", false),
        ("<ul><li><a href=/a>US raises tariffs on EU cars to 30%</a></li></ul>", false),  // a list of links
        ("<div class=\"content\"><div><p>Canada said tariffs rise on Friday.</p></div></div>", true),
        ("<p>Duties of 25% &ndash; &#8220;effective&#8221; on Nov.&nbsp;1.</p>", true),
    ] as [(String, Bool)])
    func furniture(_ html: String, _ kept: Bool) throws {
        let body = "<p>The European Union will impose additional tariffs on US steel next month, officials said.</p>"
        let file = try decode("<html><body><article>\(body)\(html)</article></body></html>")
        let text = try #require(file.articles.first).text
        let extra = MainText.collapse(HTMLReader.fragmentText(html))
        #expect(text.contains(extra) == kept, "\(text)")
    }

    @Test("entities are decoded and paragraphs are separate sentences")
    func entities() throws {
        let text = try decode("<html><body><p>Duties of 25% &ndash; &#8220;effective&#8221; on Nov.&nbsp;1</p><p>Next</p></body></html>")
            .articles[0].text
        #expect(text == "Duties of 25% – “effective” on Nov. 1\n\nNext")
    }

    @Test("JSON-LD and <time> give the date when no meta tag does")
    func jsonLDDate() throws {
        let ld = try decode("""
            <html><head><script type="application/ld+json">{"@graph": [{"@type": "WebPage"}, {"@type": "NewsArticle",
            "headline": "H", "datePublished": "2025-10-21T10:00:00Z", "url": "https://e.example/h"}]}</script></head>
            <body><p>The EU will act.</p></body></html>
            """).articles[0]
        #expect(ld.published?.date.description == "2025-10-21")
        #expect(ld.published?.origin == "JSON-LD datePublished")
        #expect(ld.url == "https://e.example/h")
        let time = try decode("<html><body><article><p>x</p><time datetime=\"2025-10-19\">Sunday</time></article></body></html>").articles[0]
        #expect(time.published?.origin == "<time datetime>")
    }

    @Test("the newsletter: text/plain is preferred, footer gone, Subject the title, Date the date")
    func newsletter() throws {
        let mail = try ArticleDecoder().decode(try fixtureBytes("canada-autos.eml"), fileName: "x.eml", modificationDay: fixtureDay)
        let article = try #require(mail.articles.first)
        #expect(mail.format == .email)
        #expect(article.title == "Canada pauses retaliatory tariffs on US autos")
        #expect(article.published?.date.description == "2025-10-21")
        #expect(article.url == "https://news.example/daily/2025-10-21")
        #expect(article.text.contains("François-Philippe Champagne"))  // quoted-printable UTF-8
        for furniture in ["Unsubscribe", "receiving this", "View in browser", "-----"] { #expect(!article.text.contains(furniture)) }
    }

    @Test("an HTML-only e-mail goes through the HTML reader; its 'view in browser' link is the URL")
    func htmlOnlyMail() throws {
        let html = "<p><a href=\"https://n.example/web/42\">View in browser</a></p><h1>Chile cuts copper duty</h1><p>Chile will cut its duty on copper to 5% from January 1, 2026.</p><p>Unsubscribe here</p>"
        let encoded = Data(html.utf8).base64EncodedString(options: .lineLength76Characters)
        let message = "From: n@n.example\nTo: a@example.org\nSubject: Fwd: Chile cuts copper duty\nDate: Wed, 22 Oct 2025 08:00:00 +0000\nMIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: base64\n\n\(encoded)\n"
        let article = try decode(message).articles[0]
        #expect(article.title == "Chile cuts copper duty")
        #expect(article.url == "https://n.example/web/42")
        #expect(article.text == "Chile cuts copper duty\n\nChile cuts copper duty\n\nChile will cut its duty on copper to 5% from January 1, 2026.")
    }

    @Test("bad documents name what is wrong", arguments: [
        ("From: a@b.example\nTo: c@d.example\nSubject: scan\nMIME-Version: 1.0\nContent-Type: image/png\n\niVBORw0KGgo=\n", "e-mail without article text: no text part"),
        ("{\"title\": \"x\",", "not a readable JSON file"),
        ("[{\"id\": 1, \"score\": 0.5}]", "JSON file without article text: no article-like object"),
        ("{\"a\": 1}\n{\"a\": 2", "not a readable JSON Lines file: line 2 is not JSON"),
        ("<?xml version=\"1.0\"?><rss><channel><item><title>x</item></channel></rss>", "not a readable RSS feed: line 1"),
        ("<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title></feed>", "Atom feed without article text: no item or entry elements"),
        ("<html><head><script>var a = 1;</script></head><body><nav><a href=/>Home</a></nav></body></html>", "HTML page without article text"),
        ("%PDF-1.4\nnot really\n%%EOF\n", "not a readable PDF"),
    ])
    func badDocuments(_ content: String, _ reason: String) {
        #expect {
            _ = try decode(content)
        } throws: { error in
            "\(error)".hasPrefix(reason)
        }
    }

    @Test("news-API shapes: NewsAPI, WordPress, NYT, JSON Lines, JSON Feed, a bare object")
    func jsonShapes() throws {
        let wordpress = try decode("""
            [{"id": 991, "date": "2025-10-22T09:00:00", "link": "https://wp.example/?p=991",
              "title": {"rendered": "Peru &#8211; new duty"}, "content": {"rendered": "<p>Peru will impose a 10% duty on steel.</p>"}}]
            """).articles
        #expect(wordpress.map(\.itemKey) == ["991"])
        #expect(wordpress[0].title == "Peru – new duty")
        #expect(wordpress[0].text == "Peru – new duty\n\nPeru will impose a 10% duty on steel.")
        let nyt = try decode("""
            {"status": "OK", "response": {"docs": [{"_id": "nyt://article/1", "web_url": "https://nyt.example/1",
             "headline": {"main": "Tariffs rise"}, "lead_paragraph": "The US raised tariffs to 25%.", "pub_date": "2025-10-23T04:00:00+0000"}]}}
            """).articles
        #expect(nyt.map(\.itemKey) == ["nyt://article/1"])
        #expect(nyt[0].published?.date.description == "2025-10-23")
        let lines = try decode("{\"headline\": \"A\", \"body\": \"One.\", \"published\": 1761264000}\n{\"headline\": \"B\", \"body\": \"Two.\"}\n")
        #expect(lines.format == .jsonLines)
        #expect(lines.articles.map(\.itemKey) == ["#1", "#2"])
        #expect(lines.articles[0].published?.date.description == "2025-10-24")
        let feed = try decode("""
            {"version": "https://jsonfeed.org/version/1.1", "title": "T", "items": [{"id": "a1", "url": "https://f.example/a1",
             "title": "Item", "content_html": "<p>Korea will cut tariffs.</p>", "date_published": "2025-10-20T08:00:00Z"}]}
            """)
        #expect(feed.format == .jsonFeed)
        #expect(feed.articles[0].itemKey == "a1" && feed.articles[0].text == "Item\n\nKorea will cut tariffs.")
        let single = try decode("{\"title\": \"One\", \"text\": \"Only one article.\", \"url\": \"https://o.example\"}").articles
        #expect(single.count == 1 && single[0].itemKey == nil)
        let truncated = try decode("[{\"title\": \"T\", \"content\": \"Duties rise to 20% on Friday… [+2817 chars]\"}]").articles[0]
        #expect(truncated.text == "T\n\nDuties rise to 20% on Friday")
    }

    @Test("feeds: each RSS item and Atom entry with its own key, link and date; external entities are not loaded")
    func feeds() throws {
        let rss = try ArticleDecoder().decode(try fixtureBytes("trade-feed.rss"), fileName: "f.rss", modificationDay: fixtureDay)
        #expect(rss.articles.map(\.itemKey) == ["tariffmonitor-88213", "tariffmonitor-88214"])
        #expect(rss.articles[1].published?.origin == "item pubDate")
        let atom = try decode("""
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
              <entry><title type="html">Brazil &lt;b&gt;raises&lt;/b&gt; duty</title>
                <link rel="alternate" href="https://a.example/1"/><link rel="edit" href="https://a.example/edit/1"/>
                <id>tag:a.example,2025:1</id><updated>2025-10-25T10:00:00Z</updated><published>2025-10-24T10:00:00Z</published>
                <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Brazil will raise its duty on ethanol to 18%.</p></div></content>
              </entry>
            </feed>
            """)
        let entry = try #require(atom.articles.first)
        #expect(atom.format == .atom)
        #expect(entry.title == "Brazil raises duty")
        #expect(entry.url == "https://a.example/1")
        #expect(entry.itemKey == "tag:a.example,2025:1")
        #expect(entry.published?.date.description == "2025-10-24")
        #expect(entry.text == "Brazil raises duty\n\nBrazil will raise its duty on ethanol to 18%.")
        let xxe = try decode("""
            <?xml version="1.0"?><!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
            <rss version="2.0"><channel><item><title>T</title><description>Leak: &secret; end</description></item></channel></rss>
            """)
        #expect(xxe.articles.first.map { !$0.text.contains(hostname()) } ?? true)
    }

    /// Found by `scripts/fuzz.sh decoder`: the state stores items by key, so a repeated id or guid
    /// must not make two items one.
    @Test("items that repeat an id or guid still get keys of their own", arguments: [
        (#"[{"id":"2","body":"Duties rise."},{"id":"2","body":"Duties fall."},{"id":"2#2","body":"Duties stay."}]"#,
         ["2", "2#2", "2#2#3"]),
        ("<rss><channel><item><guid>g</guid><description>Duties rise.</description></item>"
            + "<item><guid>g</guid><description>Duties fall.</description></item></channel></rss>", ["g", "g#2"]),
    ])
    func repeatedItemKeys(_ content: String, _ keys: [String]) throws {
        #expect(try decode(content).articles.map(\.itemKey) == keys)
    }

    @Test("text is limited after decoding, not only as bytes on disk")
    func decodedLimit() throws {
        let html = "<html><body>" + String(repeating: "<p>Tariffs rise again.</p>", count: 200) + "</body></html>"
        #expect(throws: FormatError.decodedTooLarge(.html, limit: 1000)) { try decode(html, limit: 1000) }
    }

    private func hostname() -> String {
        (try? String(contentsOfFile: "/etc/hostname", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "\u{0}"
    }
}
