import Foundation

/// A phrase that states or implies a status. Phrases carry their own negation where
/// negation changes the meaning ("not blocked anymore" means work resumed), so the
/// generic negation check only has to drop what remains.
struct StatusCue {
    let regex: NSRegularExpression
    /// Words of three or more letters in the pattern: any match contains one of them,
    /// so a sentence without any is skipped without running the expression.
    let literals: [String]
    let state: EntityState
    /// 3 = says the state outright, 2 = clearly implies it, 1 = hints at it. Within a
    /// sentence the strongest wins; across a meeting a hint never overrides a statement.
    let strength: Int
    /// The phrase already contains its negation or modality ("won't make the 27th",
    /// "could slip"), so neither check applies.
    let selfContained: Bool
    /// Predictions count ("it could slip", "going to be tight"), but negation still does.
    let allowsModal: Bool
    /// The phrase is a proposal, which people often phrase as a question.
    let allowedInQuestion: Bool
    /// The thing the phrase is about usually follows it ("paused the migration").
    let objectFirst: Bool
}

struct CueMatch {
    let cue: StatusCue
    let range: Range<Int>
}

enum StatusCues {
    private static func c(_ p: String, _ s: EntityState, _ strength: Int, selfContained: Bool = false,
                          modal: Bool = false, question: Bool = false, object: Bool = false) -> StatusCue {
        StatusCue(regex: try! NSRegularExpression(pattern: p), literals: literals(of: p), state: s, strength: strength,
                  selfContained: selfContained, allowsModal: modal, allowedInQuestion: question, objectFirst: object)
    }

    /// Ordered: earlier phrases claim their words first.
    static let all: [StatusCue] = [
        // Negated and modal phrases whose meaning is a state of their own.
        c(#"\b(?:not|no longer|n't) (?:\w+ )?(?:blocked|stuck|waiting) (?:any ?more|now)\b|\bno longer (?:blocked|stuck)\b|\bunblocked\b|\bnot blocked any ?more\b"#, .in_progress, 3, selfContained: true),
        c(#"\b(?:won't|will not|wo n't|not going to|don't think (?:i|we|they|he|she)(?: will| 'll)?|can't|cannot|may not|might not|unlikely to) (?:\w+ )?(?:make|finish|hit|meet|land|deliver)\b"#, .at_risk, 3, selfContained: true),
        c(#"\b(?:haven't|hasn't|have not|has not|not|nobody has|no one has|nobody's|not yet|hasn't yet|haven't yet) (?:\w+ )?started\b|\bnot started\b|\bhaven't begun\b"#, .planned, 2, selfContained: true),
        c(#"\b(?:nothing|not) (?:is |has been |been )?(?:agreed|approved|decided|committed)(?: yet| to)?\b|\bno decision\b|\bnot (?:decide|commit)\b|\bnobody's agreeing\b|\bnot (?:yet )?(?:approved|signed off)\b|\bnot agreeing\b"#, .proposed, 2, selfContained: true),
        c(#"\b(?:not|n't) (?:going to be |be )?(?:building|doing|pursuing|continuing) (?:it|that|this|a|an|the|ours|any)\b|\bwon't (?:be )?(?:doing|building|pursuing) (?:it|that|this)\b"#, .cancelled, 3, selfContained: true),
        c(#"\bnothing (?:moves|happens|is moving|can happen|is happening)(?: \w+){0,6} until\b"#, .blocked, 3, selfContained: true),
        c(#"\bnothing (?:moves|happens|is moving)\b"#, .on_hold, 3, selfContained: true),
        c(#"\b(?:can't|cannot|can not|couldn't) (?:\w+ ){0,5}until\b|\bnothing (?:to do|we can do|i can do)(?: \w+){0,2} until\b|\bcan't (?:move|proceed|progress|continue|start)\b"#, .blocked, 3, selfContained: true),
        c(#"\b(?:could|might|may|will|would|going to) (?:easily |probably |still )?slip\b"#, .at_risk, 3, selfContained: true),
        c(#"\b(?:call|treat|mark|consider|count|put) (?:it|that|this|them) (?:as |down as )?at risk\b"#, .at_risk, 3, selfContained: true),
        c(#"\b(?:call|treat|mark|consider|count|put) (?:it|that|this|them) (?:as |down as )?(?:blocked|stuck)\b"#, .blocked, 3, selfContained: true),
        c(#"\b(?:call|treat|mark|consider|count) (?:it|that|this|them) (?:as )?(?:done|complete|completed|finished)\b"#, .completed, 3, selfContained: true),
        c(#"\b(?:call|treat|mark|consider) (?:it|that|this|them) (?:as )?(?:on hold|paused|parked)\b"#, .on_hold, 3, selfContained: true),
        c(#"\bwe could\b|\bwhat if we\b|\bhow about\b|\bwhy don't we\b|\bi'd like (?:us )?to\b|\bwe might want to\b|\bwould like (?:us )?to\b"#, .proposed, 1, selfContained: true, question: true, object: true),
        c(#"\b(?:\w+ percent|half|halfway|a third|two thirds|a quarter) (?:done|complete|finished|through)\b|\bfirst (?:\w+ ){0,3}(?:are |is )?(?:done|complete|finished|live)\b|\bpartly (?:done|finished)\b"#, .in_progress, 2, selfContained: true),

        // Blocked.
        c(#"\bblocked\b|\bstuck\b|\bblocker\b(?! for)|\bheld up\b|\bholding (?:us|it|things) up\b|\bon the critical path\b"#, .blocked, 3),
        c(#"\b(?:still |is |are )?pending\b|\b(?:waiting|wait) (?:on|for)\b|\bjust waiting\b|\bdepends on \w+ (?:first|signing|approving)\b|\bdependent on\b"#, .blocked, 2),

        // At risk.
        c(#"\bat risk\b|\bslipping\b|\bbehind schedule\b|\bin jeopardy\b|\boff track\b|\bin trouble\b|\bat serious risk\b"#, .at_risk, 3, modal: true),
        c(#"\b(?:is|are|we're|it's|running|fallen|fell|slipped) behind\b(?! (?:the|a|an|our|this|that) )"#, .at_risk, 3, modal: true),
        c(#"\bbehind on\b|\bwe're behind\b|\b(?:is|are|be|really|very|looking|look|getting|pretty|super) tight\b|\bslipped\b|\bslips\b|\bdelayed\b|\brunning late\b|\bover budget\b|\brunning (?:\w+ ){0,2}over\b|\bworr(?:ied|ies|ying|y)\b|\bconcerned\b|\bnervous\b"#, .at_risk, 2, modal: true),

        // On hold.
        c(#"\bon hold\b|\bparked\b|\bpark (?:it|that|this)\b|\bpaused\b|\bpausing\b|\bon pause\b|\bfrozen\b|\bshelved\b|\bshelve (?:it|that|this)\b|\bdeprioriti[sz]ed\b|\bback ?burner\b|\bon ice\b|\bsuspended\b|\bput (?:it |that |this )?aside\b"#, .on_hold, 3),
        c(#"\bdeferr?(?:ed|ing)\b|\bdefer (?:it|that|this|the)\b|\bpostponed\b"#, .on_hold, 2, object: true),
        c(#"\bpause (?:it|that|this|the)\b|\bpark the\b"#, .on_hold, 2, object: true),

        // Cancelled.
        c(#"\bcancell?ed\b|\bcanceling\b|\bcancelling\b|\bscrapped\b|\bscrap (?:it|that|this|the)\b|\bscratch (?:it|that|this)\b|\babandoned\b|\bcalled off\b|\bkilled\b|\bkill (?:it|that|this)\b|\b(?:is|it's|that's|one's|that one's|idea's) dead\b|\bdead in the water\b|\bno longer needed\b|\bnot happening\b"#, .cancelled, 3),
        c(#"\bpull(?:ed|ing|s)? the plug(?: on)?\b|\bout of scope\b|\bdescoped\b"#, .cancelled, 3, object: true),
        c(#"\bdropp(?:ed|ing) (?:it|that|this|the|our|them)\b|\b(?:was|were|is|been|got|being) dropped\b|\bdrop (?:it|that|this|the)\b|\bfor good\b|\bcancel (?:it|that|this|the)\b"#, .cancelled, 3, object: true),

        // Completed.
        c(#"\b(?:is|are|was|were|it's|that's|all|now|been|got it|get it|got|be) done\b|\bdone and\b|^done\b|\bfinished\b|\bcomplete\b|\bcompleted\b|\bshipped\b|\blaunched\b|\b(?:is|are|it's|went|now|been|gone|going) live\b|\bwent (?:out|through)\b|\bout the door\b|\bdelivered\b|\bwrapped (?:it |that )?up\b|\bsubmitted\b|\breleased\b|\bsigned\b(?! (?:it |that |this )?off)|\bin the bag\b|\bnailed (?:it|that)\b|\bwe're done\b|\bwrapped\b"#, .completed, 3),
        c(#"\bissued\b|\bgranted\b|\bcame through\b|\bmerged\b|\bclosed (?:out|it|that)?\b|\b(?:ran|runs|running|run) (?:again|fine|smoothly|successfully|cleanly|without (?:issues|problems))\b|\bno issues\b|\b(?:is|are|was) out\b(?! of)|\bhanded (?:it )?over\b|\bsent (?:it |them )?off\b|\bfiled\b"#, .completed, 2),
        c(#"\bhappened\b|\bworking (?:fine|well) in production\b"#, .completed, 1),

        // In progress.
        c(#"\bongoing\b|\bunder ?way\b|\bin progress\b|\bresumed\b|\brestarted\b|\bmoving again\b|\bback on track\b|\bgoing again\b|\bin flight\b|\bunder development\b|\bkicked off\b"#, .in_progress, 3),
        c(#"\bon track\b|\bmoving(?= [.,!;?]| again| along| fine| forward| ahead| well|$)|\bgoing (?:well|fine|okay|ok|smoothly|great)\b|\b(?:is|it's|are|still) going(?= [.,!;?]|$)|\bstill going\b|\bstarted\b|\bworking (?:on|through)\b|\b(?:i'm|we're|he's|she's|they're|is|are) back on\b|\bcaught up\b|\bnegotiating\b|\b(?:i'm|we're|he's|she's|they're) (?:\w+ing) (?:it|them|that) now\b|\bprogressing\b|\bmaking progress\b|\bin motion\b|\bunder construction\b"#, .in_progress, 2),
        c(#"\bbuilding\b|\b(?:i'm|we're|i am|we are|he's|she's|they're) (?:now |still )?(?:writing|drafting|wiring|migrating|loading|testing|rolling out|doing|running|swapping|mapping|setting up|putting together)\b|\b\w+ percent\b|\bcontinu(?:e|es|ing)\b|\bhalfway\b|\bthirds?\b"#, .in_progress, 1),

        // Planned.
        c(#"\bapproved (?=the |our |a |an |their |this |that )"#, .planned, 2, object: true),
        c(#"\bsigned (?=the |our |a |an |their |this )"#, .completed, 3, object: true),
        c(#"\bgreen[- ]?lit\b|\bgreen light\b|\bgreenlit\b|\bgot the go[- ]ahead\b"#, .planned, 3),
        c(#"\b(?:is|was|it's|that's|been|we've|we have|we|all|everyone|both|has been|have|got) (?:\w+ )?agreed\b|\bapproved\b|\bplanned\b(?<!as planned)|\bscheduled\b|\bsaid yes\b|\bgo[- ]ahead\b|\bdecided to\b|\bwill start\b|\bstarts? (?:next|on|in|tomorrow|monday|tuesday|wednesday|thursday|friday)\b|\bstarting (?:next|on|in|tomorrow)\b|\bkicks? off (?:next|on|in)\b|\bbudgeted\b|\bcommitted to\b|\bon the roadmap\b"#, .planned, 2),
        c(#"\bsigned (?:it |that |this )?off\b|\bconfirmed\b|\blocked in\b|\bis locked\b|\b(?:i'll|i will|i can|we'll) (?:take|own|build|handle|drive|run|lead) (?:it|that|this|the)\b|\bready to go\b"#, .planned, 1),

        // Proposed.
        c(#"\bidea\b|\bpropos(?:e|ed|al|ing)\b|\bsuggest(?:ed|ing|ion)?\b|\bconsider(?:ing)?\b|\bworth (?:a look|exploring|considering|trying|looking at|a try)\b|\bpitch(?:ed|ing)?\b|\bon the table\b|\bbrainstorm\b|\bfloat(?:ed|ing)?\b"#, .proposed, 2, question: true, object: true),
        c(#"\bthink about\b|\blook into\b|\blooking into\b|\bexplor(?:e|ing)\b|\bdraft(?:ed)?\b|\bscope (?:it|that|this) (?:out|first)\b|\brequest(?:ed)?\b"#, .proposed, 1, question: true, object: true),
    ]

    static func literals(of pattern: String) -> [String] {
        let stripped = pattern.replacingOccurrences(of: #"\\[bwsdBWSD]"#, with: " ", options: .regularExpression)
        var words = Set<String>()
        var current = ""
        for ch in stripped {
            if ch.isLetter || ch == "'" { current.append(ch) } else {
                if current.count >= 3 { words.insert(current) }
                current = ""
            }
        }
        if current.count >= 3 { words.insert(current) }
        // Literals are matched as word prefixes ("cancell" in "cancelled"); pieces that only
        // end words ("ing" in "\\w+ing") would never match a prefix, so they are dropped
        // when the pattern has other literals.
        return Array(words)
    }

    /// Every phrase in the sentence, earlier table entries first, without overlaps.
    static func matches(in sentence: Sentence) -> [CueMatch] {
        var taken = [Bool](repeating: false, count: sentence.tokens.count)
        var out: [CueMatch] = []
        let ns = sentence.joined as NSString
        var prefixes = Set<Substring>()
        for t in sentence.tokens where !t.isPunctuation && t.lower.count >= 3 {
            let chars = t.lower
            var end = chars.index(chars.startIndex, offsetBy: 3)
            while true {
                prefixes.insert(chars[chars.startIndex..<end])
                if end == chars.endIndex || chars.distance(from: chars.startIndex, to: end) >= 14 { break }
                end = chars.index(after: end)
            }
        }
        for cue in all where cue.literals.contains(where: { prefixes.contains(Substring($0.prefix(14))) }) {
            for m in cue.regex.matches(in: sentence.joined, range: NSRange(location: 0, length: ns.length)) {
                let r = sentence.tokenRange(of: m.range)
                if r.contains(where: { taken[$0] }) { continue }
                for i in r { taken[i] = true }
                out.append(CueMatch(cue: cue, range: r))
            }
        }
        return out.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }
}
