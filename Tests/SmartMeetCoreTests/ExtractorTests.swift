import XCTest
@testable import SmartMeetCore

/// The extractor's handling of language: indirect statements, negation, hypotheticals,
/// pronouns and relative dates. Sentences here are written for the tests, not taken
/// from any corpus.
final class ExtractorTests: XCTestCase {
    func testIndirectStatusPhrases() throws {
        let ex = try TestSupport.extract("""
            Ana Ruiz: The vendor onboarding is stuck until legal signs off.
            Ana Ruiz: The pricing page is out the door.
            Ana Ruiz: Let's park the loyalty program for now.
            Ana Ruiz: The CRM migration is slipping.
            Ana Ruiz: We're dropping the chatbot for good.
            """)
        XCTAssertEqual(TestSupport.state(of: "vendor onboarding", in: ex)?.state, .blocked)
        XCTAssertEqual(TestSupport.state(of: "pricing page", in: ex)?.state, .completed)
        XCTAssertEqual(TestSupport.state(of: "loyalty program", in: ex)?.state, .on_hold)
        XCTAssertEqual(TestSupport.state(of: "crm migration", in: ex)?.state, .at_risk)
        XCTAssertEqual(TestSupport.state(of: "chatbot", in: ex)?.state, .cancelled)
    }

    func testNegationUnblocksAndNotStartedIsPlanned() throws {
        let ex = try TestSupport.extract("""
            Li Wei: The billing migration was blocked last week.
            Li Wei: Good news, the billing migration is not blocked anymore.
            Sara Kim: The audit report is agreed but we haven't started it.
            """)
        XCTAssertEqual(TestSupport.state(of: "billing migration", in: ex)?.state, .in_progress)
        XCTAssertEqual(TestSupport.state(of: "audit report", in: ex)?.state, .planned)
    }

    func testHypotheticalsChangeNothing() throws {
        let ex = try TestSupport.extract("""
            Li Wei: The data pipeline is in progress.
            Sara Kim: If the vendor is late we'd be blocked on the data pipeline.
            Li Wei: We could cancel it if the budget goes away.
            """)
        XCTAssertEqual(TestSupport.state(of: "data pipeline", in: ex)?.state, .in_progress)
    }

    func testPronounsFollowTheTopic() throws {
        let ex = try TestSupport.extract("""
            Omar Said: Next, the partner portal.
            Jin Park: It's done, we shipped it on Friday.
            Omar Said: And the mobile redesign?
            Jin Park: That one is on hold until the rebrand.
            """)
        XCTAssertEqual(TestSupport.state(of: "partner portal", in: ex)?.state, .completed)
        XCTAssertEqual(TestSupport.state(of: "mobile redesign", in: ex)?.state, .on_hold)
    }

    func testOwnersFromFirstSecondAndThirdPerson() throws {
        let ex = try TestSupport.extract("""
            Omar Said: The search revamp is underway. Jin, you own it.
            Jin Park: Yes, it's mine.
            Omar Said: The tax report is in progress too.
            Eva Lind: I own the tax report.
            Omar Said: And I'm handing the hiring plan to Eva, it's approved.
            """)
        XCTAssertEqual(TestSupport.state(of: "search revamp", in: ex)?.owner, "Jin Park")
        XCTAssertEqual(TestSupport.state(of: "tax report", in: ex)?.owner, "Eva Lind")
        XCTAssertEqual(TestSupport.state(of: "hiring plan", in: ex)?.owner, "Eva Lind")
    }

    func testRelativeDatesResolveAgainstTheMeetingDate() throws {
        // 2026-03-02 is a Monday.
        let ex = try TestSupport.extract("""
            Ana Ruiz: The tax report is in progress, due by the end of the month.
            Ana Ruiz: The partner portal is underway, we're targeting next Friday.
            Ana Ruiz: The search revamp is planned for the 20th.
            Ana Ruiz: The CRM migration is underway, target is end of September.
            """)
        XCTAssertEqual(TestSupport.state(of: "tax report", in: ex)?.due, "2026-03-31")
        XCTAssertEqual(TestSupport.state(of: "partner portal", in: ex)?.due, "2026-03-13")
        XCTAssertEqual(TestSupport.state(of: "search revamp", in: ex)?.due, "2026-03-20")
        XCTAssertEqual(TestSupport.state(of: "crm migration", in: ex)?.due, "2026-09-30")
    }

    func testPastDatesAreNotDueDates() throws {
        let ex = try TestSupport.extract("Ana Ruiz: The partner portal launched on the 1st of March, so it's done.", date: "2026-03-09")
        XCTAssertEqual(TestSupport.state(of: "partner portal", in: ex)?.state, .completed)
        XCTAssertNil(TestSupport.state(of: "partner portal", in: ex)?.due)
    }

    func testProposalsWithoutHeadNouns() throws {
        let ex = try TestSupport.extract("""
            Ana Ruiz: One idea: we could pilot a night shift in the warehouse.
            Ben Ode: Random idea: gift cards. Nothing decided today.
            """)
        XCTAssertEqual(TestSupport.state(of: "night shift pilot", in: ex)?.state, .proposed)
        XCTAssertEqual(TestSupport.state(of: "gift cards", in: ex)?.state, .proposed)
    }

    func testSmallTalkDoesNotCreateStates() throws {
        let ex = try TestSupport.extract("""
            Ana Ruiz: Did anyone watch the game? I fell asleep halfway through.
            Ben Ode: Lunch is moved to Friday. Thanks everyone.
            """)
        XCTAssertTrue(ex.states.isEmpty, "got \(ex.states.map { ex.entities[$0.entity].name })")
    }

    func testPeopleAreNeverEntities() throws {
        let ex = try TestSupport.extract("""
            Ana Ruiz: Ben is stuck, but the CRM migration is fine and underway.
            """)
        XCTAssertFalse(ex.entities.contains { $0.name.lowercased().contains("ben") })
    }

    func testBreaksGluedToAWordAreFalseStarts() throws {
        let ex = try TestSupport.extract("""
            Ana Ruiz: so the ticket queue's- it's done, we shipped it Monday.
            Ben Okoro: It's- yeah. We'll- we'll see.
            """)
        XCTAssertEqual(TestSupport.state(of: "ticket queue", in: ex)?.state, .completed)
        XCTAssertFalse(ex.entities.contains { $0.name.hasSuffix("-") || $0.name.lowercased().hasPrefix("it's") },
                       "got \(ex.entities.map(\.name))")
    }

    func testSpelledOutNumbersAndInterjectionsNameNothing() throws {
        let ex = try TestSupport.extract("""
            Ana Ruiz: Forty-five. Forty-five is fine, the loading dock is finished.
            Ben Okoro: Ouch. Three-ten is tight.
            """)
        XCTAssertEqual(TestSupport.state(of: "loading dock", in: ex)?.state, .completed)
        let names = ex.entities.map { $0.name.lowercased() }
        XCTAssertFalse(names.contains { $0.contains("forty") || $0.contains("three-ten") || $0 == "ouch" }, "got \(names)")
    }

    func testPeopleAddressedAtTheEndOrMentionedWithAnAt() throws {
        let ex = try TestSupport.extract("""
            Ana Ruiz: Can you chase the rota draft, Magnus?
            Ana Ruiz: Supplier audit still on track. @Ingrid
            """)
        let names = ex.entities.map { $0.name.lowercased() }
        XCTAssertFalse(names.contains { $0.contains("magnus") || $0.contains("ingrid") }, "got \(names)")
        XCTAssertEqual(TestSupport.state(of: "supplier audit", in: ex)?.owner, "Ingrid")
    }

    func testWhatTheGroupSaysItIsDoingIsACommitment() throws {
        let ex = try TestSupport.extract("""
            Li Wei: The mobile checkout, we're doing it.
            Li Wei: We're not doing the kiosk mode.
            """)
        XCTAssertEqual(TestSupport.state(of: "mobile checkout", in: ex)?.state, .planned)
        XCTAssertEqual(TestSupport.state(of: "kiosk mode", in: ex)?.state, .cancelled)
    }

    func testProgressivePassiveAndOrdinalsBeforeNouns() throws {
        let ex = try TestSupport.extract("""
            Ana Ruiz: The tender bid is being written.
            Ben Okoro: The first production run is complete.
            """)
        XCTAssertEqual(TestSupport.state(of: "tender bid", in: ex)?.state, .in_progress)
        let run = TestSupport.state(of: "production run", in: ex)
        XCTAssertEqual(run?.state, .completed)
        XCTAssertNil(run?.due, "'the first production run' is not a date")
    }

    /// The present progressive with a time ahead is an arrangement (planned); with a time
    /// that includes now, or in the past, it is work under way.
    func testFuturateProgressive() throws {
        let ex = try TestSupport.extract("""
            Dana Ruiz: The x-ray sensor upgrade is being installed Thursday.
            Omar Said: The waiting room refit is starting on Monday.
            Dana Ruiz: The sterilisation log is being rewritten now, before Friday.
            Lena Park: The phone line was being tested on Thursday.
            """)
        XCTAssertEqual(TestSupport.state(of: "sensor upgrade", in: ex)?.state, .planned)
        XCTAssertEqual(TestSupport.state(of: "waiting room refit", in: ex)?.state, .planned)
        XCTAssertEqual(TestSupport.state(of: "sterilisation log", in: ex)?.state, .in_progress)
        XCTAssertEqual(TestSupport.state(of: "phone line", in: ex)?.state, .in_progress)
    }

    /// The one who did the work on a thing, and the person a thing is said to belong to,
    /// own it; an approval or talk about it does not make an owner.
    func testOwnersFromTheWorkAndFromPossession() throws {
        let ex = try TestSupport.extract("""
            Dana Ruiz: The network upgrade is moving. Theo installed it on Friday.
            Theo Mercer: Yes.
            Omar Said: Priya's vendor audit is blocked on the auditor.
            Dana Ruiz: The menu redesign is done, Luis approved it.
            """)
        XCTAssertEqual(TestSupport.state(of: "network upgrade", in: ex)?.owner, "Theo Mercer")
        XCTAssertEqual(TestSupport.state(of: "vendor audit", in: ex)?.owner, "Priya")
        let redesign = try XCTUnwrap(TestSupport.state(of: "menu redesign", in: ex))
        XCTAssertNil(redesign.owner, "approving it makes Luis no owner")
        XCTAssertEqual(redesign.state, .completed, "approving finished work keeps it finished")
    }

    /// A date beside an item's name in a notes heading is the item's date; a heading
    /// dated the meeting's own day says when the meeting was.
    func testDateInAHeadingIsTheItemsDate() throws {
        let t = try TestSupport.transcript("""
            # Events committee — 2026-04-08

            ## Summer gala, Saturday 11 July, the village hall
            - The marquee is booked and the deposit is paid.

            ## Raffle, 2026-04-08
            - Prizes are still being collected.
            """, format: .md, name: "2026-04-08-events.md")
        let ex = RuleExtractor().extract(t)
        XCTAssertEqual(TestSupport.state(of: "summer gala", in: ex)?.due, "2026-07-11")
        XCTAssertNil(try XCTUnwrap(TestSupport.state(of: "raffle", in: ex)).due)
    }

    /// A plan or deal that "is off" has been called off; a person who is off is on leave
    /// (and owns nothing by it), and a machine that is off is switched off.
    func testCalledOff() throws {
        let ex = try TestSupport.extract("""
            Mara Quinn: The Danfield contract. Danfield is off, they went with another carrier.
            Joe Bell: The team offsite is off again. Kim is off on Friday.
            Mara Quinn: The heating system is off.
            """)
        XCTAssertEqual(TestSupport.state(of: "danfield", in: ex)?.state, .cancelled)
        let offsite = TestSupport.state(of: "team offsite", in: ex)
        XCTAssertEqual(offsite?.state, .cancelled)
        XCTAssertNil(offsite?.owner, "'Kim is off on Friday' is leave, not ownership")
        XCTAssertNil(TestSupport.state(of: "heating", in: ex))
    }

    /// "Is back" and "is out" state as much as "is off": papers back are in (some of them:
    /// under way), a release out has shipped; a version number counts nothing, and when a
    /// person is back is no due date.
    func testBackOutAndVersionNumbers() throws {
        let ex = try TestSupport.extract("""
            Ruth Obi: The museum trip. Forty of sixty consent forms are back.
            Sam Lee: The 2.3 release is out.
            Ruth Obi: The 4.1 migration is done.
            Sam Lee: The coach booking is in progress. Ana is back tomorrow.
            """)
        XCTAssertEqual(TestSupport.state(of: "museum trip", in: ex)?.state, .in_progress)
        XCTAssertEqual(TestSupport.state(of: "2.3 release", in: ex)?.state, .completed)
        XCTAssertEqual(TestSupport.state(of: "4.1 migration", in: ex)?.state, .completed, "a version number is not a part")
        XCTAssertNil(try XCTUnwrap(TestSupport.state(of: "coach booking", in: ex)).due, "'Ana is back tomorrow' is not the booking's date")
    }
    /// "Item 4.", "chapter two": a numbered place in an agenda or a document (a noun whose
    /// usual sense is a part of something, by WordNet) is no entity; what is said under it
    /// goes to the thing named, and a part of a named whole reports on the whole.
    func testNumberedPartsAreNotEntities() throws {
        let ex = try TestSupport.extract("""
            Grace Lin: Item 3.
            Grace Lin: The parking permit scheme is on hold until the survey is back.
            Omar Said: Item 4. The boiler replacement has been completed.
            Pia Kerr: Chapter two of the grant report is finished, I'm on chapter three now.
            """)
        let names = ex.states.map { ex.entities[$0.entity].name.lowercased() }
        XCTAssertFalse(names.contains { $0.hasPrefix("item") || $0.hasPrefix("chapter") }, "\(names)")
        XCTAssertEqual(TestSupport.state(of: "parking permit scheme", in: ex)?.state, .on_hold)
        XCTAssertEqual(TestSupport.state(of: "boiler replacement", in: ex)?.state, .completed)
        let report = try XCTUnwrap(TestSupport.state(of: "grant report", in: ex))
        XCTAssertEqual(report.state, .in_progress, "a chapter finished is the report under way")
        XCTAssertEqual(report.owner, "Pia Kerr")
    }

    /// "a ten minute job": a number and a unit of time or quantity measure the thing and
    /// are no part of its name — what is left stands or falls on its own.
    func testAMeasureIsNoPartOfAName() throws {
        let ex = try TestSupport.extract("""
            Gabe Lind: The dns validation is next week, it's a ten minute job.
            Wes Tan: It's never a ten minute job.
            Ann Lee: The five mile charity run is at risk, the permit hasn't come.
            """)
        let names = ex.entities.map { $0.name.lowercased() }
        XCTAssertFalse(names.contains { $0.hasPrefix("minute") || $0.hasPrefix("mile") }, "\(names)")
        XCTAssertEqual(TestSupport.state(of: "charity run", in: ex)?.state, .at_risk)
    }

    /// Reported speech in minutes: "Cllr Reyes asked about it" says what was said, and
    /// makes no owner; "Fiona will ask legal" takes the chasing on. The title is part of
    /// the name ("Cllr Reyes" is one phrase).
    func testAskingInThePastMakesNoOwner() throws {
        let ex = try TestSupport.extract("""
            Omar Said: The boiler replacement has been approved by the board.
            Tom Reyes: Cllr Reyes asked about the cost of it.
            Grace Lin: The parking permit scheme is blocked on the survey.
            Fiona Baxter: Fiona will ask the surveyors about it.
            Pia Kerr: The kiosk upgrade is stuck. I have asked the vendor about it.
            Tom Reyes: Cllr Reyes asked about it.
            """)
        XCTAssertEqual(TestSupport.state(of: "kiosk upgrade", in: ex)?.owner, "Pia Kerr", "having asked is taking the chasing on")
        XCTAssertNil(try XCTUnwrap(TestSupport.state(of: "boiler replacement", in: ex)).owner, "asking about it is no ownership")
        XCTAssertEqual(TestSupport.state(of: "parking permit scheme", in: ex)?.owner, "Fiona Baxter")
    }
}

/// The speech layer's restarts: a word said again as the start of a compound, and a
/// two-letter fragment no dictionary has, in verbatim speech.
final class SpeechRestartTests: XCTestCase {
    private func cleaned(_ text: String) -> String {
        SpeechCleaner.clean(Turn(index: 0, speaker: "Ann", text: text)).words.filter { !$0.isPunct }.map(\.lower).joined(separator: " ")
    }

    func testAWordSaidAgainAsTheStartOfACompoundIsDropped() {
        XCTAssertEqual(cleaned("Integrated scroll-wheel push push-button, or LCD display."), "integrated scroll-wheel push-button or lcd display")
        XCTAssertEqual(cleaned("The push-button and the push are both fine."), "the push-button and the push are both fine")
    }

    func testATwoLetterFragmentInVerbatimSpeechIsDropped() {
        XCTAssertEqual(cleaned("And you can uh do di two sites?"), "and you can do two sites")
        XCTAssertEqual(cleaned("And you can do di two sites?"), "and you can do di two sites", "without fillers the text is not verbatim")
    }
}
