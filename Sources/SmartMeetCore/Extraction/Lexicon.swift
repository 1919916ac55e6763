import Foundation

/// Word lists for the rule extractor. They describe English, not any one corpus: the
/// nouns people use for units of work, function words, and who counts as a team.
enum Lexicon {
    /// Head nouns that name a trackable unit of work, with the type they imply.
    static let heads: [String: EntityType] = {
        var m: [String: EntityType] = [:]
        for w in ["project", "migration", "upgrade", "initiative", "program", "programme", "rollout", "rebuild",
                  "refactor", "overhaul", "consolidation", "integration", "implementation", "transition",
                  "conversion", "expansion", "renovation", "construction", "refit", "pilot", "campaign",
                  "rebrand", "rewrite", "modernization", "modernisation", "replacement", "automation",
                  "catalog", "catalogue", "study", "trial", "retrofit", "fundraiser", "drive", "relaunch"] { m[w] = .project }
        for w in ["feature", "mode", "login", "dashboard", "revamp", "redesign", "checkout",
                  "signup", "sign-up", "wizard", "portal", "widget"] { m[w] = .feature }
        for w in ["system", "pipeline", "platform", "service", "app", "application", "tool", "tooling",
                  "database", "server", "cluster", "site", "website", "warehouse", "network", "infrastructure",
                  "bot", "engine", "crm", "erp", "intranet", "chatbot", "firmware"] { m[w] = .system }
        for w in ["audit", "review", "assessment", "analysis", "survey", "inspection", "training", "hire",
                  "hiring", "recruitment", "cleanup", "evaluation", "certification", "gala", "conference",
                  "workshop", "offsite", "summit", "webinar", "relocation", "move", "fair", "retreat",
                  "festival", "exhibition", "ceremony", "course", "onboarding", "investigation", "research",
                  "installation", "excavation", "demolition", "commissioning", "deployment"] { m[w] = .task }
        for w in ["release", "launch", "beta", "milestone", "version"] { m[w] = .release }
        for w in ["contract", "deal", "agreement", "sponsorship", "partnership", "lease", "license", "licence",
                  "renewal", "procurement", "purchase", "acquisition", "tender", "bid", "negotiation",
                  "settlement", "grant", "merger", "rfp"] { m[w] = .deal }
        for w in ["report", "document", "spec", "specification", "proposal", "plan", "policy", "handbook",
                  "guide", "brief", "memo", "whitepaper", "deck", "manual", "newsletter", "one-pager", "rfc",
                  "roadmap", "filing", "article", "playbook", "charter", "case", "paper", "permit"] { m[w] = .document }
        for w in ["budget", "forecast", "funding", "allocation", "headcount"] { m[w] = .budget }
        return m
    }()

    /// Heads that say what is being done to something named before them
    /// ("push revamp" is the revamp of push notifications).
    static let actionHeads: Set<String> = ["migration", "upgrade", "revamp", "redesign", "rollout", "rebuild",
                                           "refactor", "overhaul", "rewrite", "replacement", "integration",
                                           "audit", "review", "cleanup", "launch", "renewal", "onboarding",
                                           "study", "pilot", "trial", "assessment", "installation", "deployment"]

    /// Heads too vague to identify anything; the words before them do.
    static let weakHeads: Set<String> = ["jobs", "job", "work", "stuff", "things", "thing", "piece", "bits",
                                         "bit", "side", "part", "effort", "workstream", "stream", "tasks", "items"]

    /// Nominal forms of gerunds: "revamping push notifications" → "push notifications revamp".
    static let gerundNouns: [String: String] = [
        "revamping": "revamp", "redesigning": "redesign", "migrating": "migration", "upgrading": "upgrade",
        "rebuilding": "rebuild", "refactoring": "refactor", "rewriting": "rewrite", "replacing": "replacement",
        "automating": "automation", "overhauling": "overhaul", "integrating": "integration",
        "consolidating": "consolidation", "launching": "launch", "auditing": "audit", "piloting": "pilot",
        "relaunching": "relaunch", "renovating": "renovation", "rebranding": "rebrand",
    ]

    /// Base verbs after "could", "to", "let's": "we could pilot an evening clinic" proposes
    /// an "evening clinic pilot".
    static let verbNouns: [String: String] = [
        "revamp": "revamp", "redesign": "redesign", "migrate": "migration", "upgrade": "upgrade", "rebuild": "rebuild",
        "refactor": "refactor", "rewrite": "rewrite", "replace": "replacement", "automate": "automation",
        "overhaul": "overhaul", "integrate": "integration", "consolidate": "consolidation", "launch": "launch",
        "audit": "audit", "pilot": "pilot", "relaunch": "relaunch", "renovate": "renovation", "rebrand": "rebrand",
    ]
    static let verbNounTriggers: Set<String> = ["could", "should", "to", "let's", "can", "will", "might", "must", "would",
                                                "we'll", "i'll", "they'll", "gonna", "we'd", "i'd", "lets"]

    /// Words after a head that belong to the name ("budget request", "sponsorship agreement").
    static let headExtensions: Set<String> = ["request", "proposal", "plan", "review", "agreement", "contract",
                                              "report", "migration", "upgrade", "rollout", "launch", "project",
                                              "pipeline", "app", "dashboard", "redesign", "revamp", "renewal",
                                              "deal", "update", "initiative", "program", "campaign", "audit"]

    /// Adjectives that describe rather than name; dropped from the edge of a name.
    static let genericAdjectives: Set<String> = [
        "new", "old", "big", "small", "whole", "first", "last", "next", "final", "quick", "proper", "full",
        "current", "same", "other", "second", "third", "main", "real", "entire", "little", "huge", "major",
        "minor", "written", "own", "overall", "initial", "actual", "existing", "upcoming", "previous",
        "latest", "basic", "simple", "certain", "particular", "various", "different", "whole", "nice",
        "great", "good", "bad", "additional", "extra", "further", "separate", "single", "shared", "original",
        "updated", "revised", "official", "possible", "potential", "usual", "entire", "annual", "weekly",
        "monthly", "quarterly", "daily", "this", "that", "these", "those", "such", "more", "most", "some",
    ]

    static let determiners: Set<String> = ["the", "a", "an", "our", "their", "my", "your", "his", "her", "its",
                                           "this", "that", "these", "those", "any", "every", "each", "some", "no"]

    static let definiteDeterminers: Set<String> = ["the", "our", "their", "my", "your", "his", "her", "its",
                                                   "this", "that", "these", "those"]

    static let pronouns: Set<String> = ["it", "that", "this", "they", "them", "he", "she", "we", "i", "you",
                                        "us", "me", "him", "her", "one", "which", "what", "who", "everyone",
                                        "everything", "nothing", "nobody", "anyone", "anything", "someone",
                                        "something", "all", "both", "none", "there", "here", "those", "these",
                                        "ours", "yours", "mine", "theirs", "itself", "myself", "ourselves"]

    static let prepositions: Set<String> = ["for", "of", "with", "on", "in", "about", "from", "to", "at", "by",
                                            "into", "onto", "over", "under", "through", "across", "around",
                                            "behind", "via", "per", "than", "like", "without", "within",
                                            "between", "against", "toward", "towards", "past"]

    /// Function words, auxiliaries and very common verbs and adverbs: never part of a name.
    static let stopwords: Set<String> = {
        var s: Set<String> = ["and", "or", "but", "so", "if", "then", "than", "because", "as", "while", "when",
            "where", "why", "how", "until", "unless", "before", "after", "since", "though", "although", "whether",
            "is", "are", "was", "were", "be", "been", "being", "am", "'s", "'re", "'m", "'ve", "'ll", "'d",
            "do", "does", "did", "done", "have", "has", "had", "having", "can", "could", "will", "would",
            "shall", "should", "may", "might", "must", "not", "no", "yes", "yeah", "yep", "okay", "ok",
            "just", "also", "very", "really", "still", "now", "already", "again", "even", "only", "too",
            "maybe", "perhaps", "probably", "actually", "honestly", "basically", "finally", "fully",
            "well", "right", "sure", "oh", "um", "uh", "hmm", "like", "get", "got", "go", "going", "went",
            "gone", "make", "made", "take", "took", "need", "needs", "want", "wants", "think", "know",
            "say", "said", "says", "see", "look", "let", "let's", "lets", "put", "keep", "give", "gave",
            "there", "here", "today", "tomorrow", "yesterday", "week", "month", "year", "quarter",
            "time", "day", "days", "weeks", "months", "tonight",
            "much", "many", "lot", "lots", "more", "most", "less", "few", "bit", "kind", "sort",
            "about", "around", "back", "up", "down", "out", "off", "away", "over", "all", "both",
            "every", "each", "either", "neither", "what", "which", "who", "whom", "whose", "that's",
            "it's", "we're", "i'm", "i've", "we've", "they're", "you're", "i'll", "we'll", "i'd", "we'd",
            "don't", "doesn't", "didn't", "can't", "won't", "isn't", "aren't", "wasn't", "weren't",
            "haven't", "hasn't", "shouldn't", "wouldn't", "couldn't", "nobody's", "there's", "here's",
            "what's", "who's", "he's", "she's", "they've", "you've", "thanks", "thank", "please",
            "first", "last", "next", "once", "twice", "ever", "never", "always", "often", "sometimes", "yet",
            "good", "great", "fine", "nice", "cool", "bad", "new", "old", "big", "small"]
        s.formUnion(determiners)
        s.formUnion(pronouns)
        s.formUnion(prepositions)
        return s
    }()

    /// Groups of people who act on work but are not work: a status said of them is not a status.
    static let teamWords: Set<String> = [
        "legal", "finance", "security", "it", "sales", "marketing", "leadership", "board", "management",
        "qa", "design", "support", "hr", "ops", "operations", "engineering", "product", "backend", "frontend",
        "vendor", "vendors", "devops", "procurement", "accounting", "compliance", "team", "teams", "everyone",
        "customer", "customers", "client", "clients", "users", "people", "staff", "committee", "council",
        "executives", "execs", "director", "directors", "manager", "managers", "partner", "partners",
        "regulator", "regulators", "auditors", "counsel", "cro", "ceo", "cfo", "cto", "coo", "admin",
    ]

    /// Words that are never a topic on their own (interjections, time words, evaluations).
    static let nonTopics: Set<String> = [
        "okay", "ok", "great", "good", "nice", "cool", "classic", "fine", "sure", "thanks", "noted", "right",
        "yes", "yeah", "wow", "ugh", "perfect", "awesome", "fair", "enough", "work", "news", "question",
        "deadline", "point", "idea", "date", "week", "day", "time", "month", "morning", "everyone", "all",
        "agreed", "exactly", "true", "interesting", "hello", "hi", "bye", "welcome", "misc", "other",
        "others", "agenda", "notes", "summary", "actions", "action items", "next steps", "updates",
        "update", "general", "aob", "any other business", "announcements", "wins", "housekeeping",
        "round", "roundtable", "intro", "introductions", "one", "thing", "things", "stuff", "sorry",
        "lunch", "coffee", "break", "weekend", "holiday", "congrats", "congratulations", "cheers",
        "morning", "afternoon", "evening", "night", "fantastic", "excellent", "brilliant", "amazing", "lovely",
        "super", "sweet", "alright", "awesome", "wonderful", "terrific", "nice one", "good stuff", "makes sense",
        "understood", "roger", "copy", "noted", "gotcha", "absolutely", "definitely", "indeed", "done",
    ]

    /// Capitalised words that are not names of work: days, months, quarters, platforms.
    static let capitalisedNonNames: Set<String> = {
        var s: Set<String> = ["i", "i'm", "i've", "i'll", "i'd", "ok", "okay", "monday", "tuesday", "wednesday",
                              "thursday", "friday", "saturday", "sunday", "mondays", "tuesdays", "wednesdays",
                              "thursdays", "fridays", "saturdays", "sundays", "q1", "q2", "q3", "q4", "h1", "h2",
                              "ios", "android", "windows", "linux", "mac", "macos", "eu", "us", "uk", "usa",
                              "fyi", "asap", "eod", "eow", "tbd", "n/a", "english", "christmas", "easter"]
        s.formUnion(CalendarDay.monthNames)
        return s
    }()
}
