import Foundation

/// English's closed word classes: the few hundred grammatical words WordNet leaves out
/// (it lists only nouns, verbs, adjectives and adverbs). They are grammar, not
/// vocabulary: the same in every meeting of every industry.
enum FunctionWords {
    static let subjectPronouns: Set<String> = ["i", "you", "he", "she", "it", "we", "they", "one", "u"]
    static let objectPronouns: Set<String> = ["me", "him", "her", "us", "them", "it", "you", "yourself", "myself",
                                              "ourselves", "themselves", "itself", "himself", "herself"]
    static let possessives: Set<String> = ["my", "your", "his", "her", "its", "our", "their"]
    static let possessivePronouns: Set<String> = ["mine", "yours", "ours", "theirs", "hers"]
    static let demonstratives: Set<String> = ["this", "that", "these", "those"]
    static let indefinitePronouns: Set<String> = ["someone", "somebody", "anyone", "anybody", "everyone", "everybody", "nobody",
        "no-one", "nothing", "something", "anything", "everything", "none", "whoever", "whatever", "everything's", "nothing's", "others", "another", "ones", "yourselves", "somewhere", "anywhere", "everywhere"]
    static let whWords: Set<String> = ["who", "what", "which", "where", "when", "why", "how", "whose", "whom"]

    /// Contractions with their parts, so "we're" reads as "we" + "are".
    static let contractions: [String: [String]] = [
        "i'm": ["i", "am"], "i've": ["i", "have"], "i'll": ["i", "will"], "i'd": ["i", "would"],
        "you're": ["you", "are"], "you've": ["you", "have"], "you'll": ["you", "will"], "you'd": ["you", "would"],
        "we're": ["we", "are"], "we've": ["we", "have"], "we'll": ["we", "will"], "we'd": ["we", "would"],
        "they're": ["they", "are"], "they've": ["they", "have"], "they'll": ["they", "will"], "they'd": ["they", "would"],
        "he's": ["he", "is"], "she's": ["she", "is"], "it's": ["it", "is"], "that's": ["that", "is"], "there's": ["there", "is"],
        "here's": ["here", "is"], "what's": ["what", "is"], "who's": ["who", "is"], "where's": ["where", "is"], "how's": ["how", "is"],
        "he'll": ["he", "will"], "she'll": ["she", "will"], "it'll": ["it", "will"], "that'll": ["that", "will"],
        "he'd": ["he", "would"], "she'd": ["she", "would"], "it'd": ["it", "would"], "that'd": ["that", "would"],
        "let's": ["let", "us"], "lets": ["let", "us"],
        "isn't": ["is", "not"], "aren't": ["are", "not"], "wasn't": ["was", "not"], "weren't": ["were", "not"],
        "don't": ["do", "not"], "doesn't": ["does", "not"], "didn't": ["did", "not"], "haven't": ["have", "not"],
        "hasn't": ["has", "not"], "hadn't": ["had", "not"], "won't": ["will", "not"], "wouldn't": ["would", "not"],
        "can't": ["can", "not"], "cannot": ["can", "not"], "couldn't": ["could", "not"], "shouldn't": ["should", "not"],
        "mustn't": ["must", "not"], "mightn't": ["might", "not"], "needn't": ["need", "not"], "ain't": ["is", "not"],
        "gonna": ["going", "to"], "wanna": ["want", "to"], "gotta": ["got", "to"], "dunno": ["do", "not", "know"],
        "woulda": ["would", "have"], "coulda": ["could", "have"], "shoulda": ["should", "have"], "musta": ["must", "have"],
        "lemme": ["let", "me"], "gimme": ["give", "me"], "y'know": ["you", "know"], "ya'll": ["you", "all"], "y'all": ["you", "all"], "d'you": ["do", "you"], "d'ya": ["do", "you"],
        "dont": ["do", "not"], "cant": ["can", "not"], "wont": ["will", "not"], "didnt": ["did", "not"], "isnt": ["is", "not"],
        "im": ["i", "am"], "ive": ["i", "have"], "thats": ["that", "is"], "theres": ["there", "is"], "whats": ["what", "is"],
        "doesnt": ["does", "not"], "havent": ["have", "not"], "hasnt": ["has", "not"], "wasnt": ["was", "not"], "arent": ["are", "not"],
        "couldnt": ["could", "not"], "wouldnt": ["would", "not"], "shouldnt": ["should", "not"],
    ]

    static let determiners: Set<String> = ["the", "a", "an", "this", "that", "these", "those", "some", "any", "no", "every",
        "each", "all", "both", "either", "neither", "another", "other", "such", "what", "which", "much", "many", "more",
        "most", "few", "fewer", "less", "least", "several", "enough", "whichever", "whatever", "half"]
    static let definiteDeterminers: Set<String> = ["the", "this", "that", "these", "those", "my", "your", "his", "her", "its", "our", "their"]

    static let prepositions: Set<String> = ["about", "above", "across", "after", "against", "along", "amid", "among", "amongst",
        "around", "as", "at", "before", "behind", "below", "beneath", "beside", "besides", "between", "beyond", "by",
        "despite", "down", "during", "except", "for", "from", "in", "inside", "into", "like", "near", "of", "off", "on",
        "onto", "out", "outside", "over", "past", "per", "since", "than", "through", "throughout", "till", "til", "to",
        "toward", "towards", "under", "underneath", "unlike", "until", "up", "upon", "via", "with", "within", "without",
        "re", "vs", "versus", "thru", "w", "w/", "b/c", "re:", "plus", "minus", "including", "regarding", "concerning",
        "following", "pending", "excluding", "given", "considering", "barring", "post", "pre"]

    static let coordinators: Set<String> = ["and", "or", "but", "nor", "yet", "plus", "&", "+"]
    static let subordinators: Set<String> = ["because", "although", "though", "while", "whereas", "if", "unless", "since",
        "once", "whether", "until", "till", "til", "before", "after", "when", "whenever", "where", "wherever", "so", "as",
        "cause", "'cause", "cos", "coz", "b/c"]
    /// Subordinators whose clause is not asserted: a condition, or a wait.
    static let conditionals: Set<String> = ["if", "unless", "whether", "suppose", "supposing", "assuming", "provided", "providing", "in case"]
    /// Subordinators whose clause names what the main clause waits for.
    static let temporalLimits: Set<String> = ["until", "till", "til", "before", "once", "pending"]

    static let beForms: Set<String> = ["be", "am", "is", "are", "was", "were", "been", "being", "'s", "'re", "'m", "s"]
    static let haveForms: Set<String> = ["have", "has", "had", "having", "'ve", "'d"]
    static let doForms: Set<String> = ["do", "does", "did", "doing", "done"]
    static let modals: Set<String> = ["can", "could", "may", "might", "must", "shall", "should", "will", "would", "ought", "'ll", "'d"]
    /// Modals that make a clause a possibility or a wish rather than a statement of fact.
    static let irrealisModals: Set<String> = ["could", "might", "may", "should", "would", "ought", "'d"]
    static let negators: Set<String> = ["not", "n't", "never", "no", "none", "nothing", "nobody", "neither", "nor", "without",
        "hardly", "barely", "nope", "nah", "nowhere", "noone", "no-one"]

    /// Adverbs that modify but never carry the status: skipped when looking for a subject.
    static let commonAdverbs: Set<String> = ["still", "already", "just", "now", "then", "also", "too", "very", "really", "quite",
        "pretty", "almost", "nearly", "only", "even", "again", "back", "yet", "ever", "soon", "later", "today", "tonight",
        "tomorrow", "yesterday", "here", "there", "maybe", "perhaps", "probably", "possibly", "definitely", "certainly",
        "actually", "basically", "literally", "honestly", "frankly", "anyway", "anyhow", "though", "finally", "fully",
        "mostly", "partly", "largely", "entirely", "totally", "completely", "officially", "apparently", "obviously",
        "clearly", "surely", "hopefully", "unfortunately", "fortunately", "sadly", "luckily", "currently", "presently",
        "already", "always", "usually", "often", "sometimes", "rarely", "seldom", "once", "twice", "else", "instead",
        "otherwise", "meanwhile", "anymore", "any more", "somewhat", "rather", "fairly", "super", "kinda", "sorta",
        "roughly", "about", "around", "approximately", "exactly", "precisely", "right", "well", "so", "as", "not",
        "ahead", "away", "together", "first", "last", "next", "recently", "lately", "immediately", "eventually",
        "initially", "originally", "formally", "properly", "slowly", "quickly", "gradually", "steadily", "technically"]

    /// Words that open a turn or glue talk together without adding content.
    static let discourseMarkers: Set<String> = ["ok", "okay", "k", "kay", "yeah", "yes", "yep", "yup", "yea", "ya", "no", "nope",
        "right", "alright", "well", "oh", "ah", "so", "and", "but", "anyway", "anyways", "now", "then", "also", "plus",
        "honestly", "actually", "basically", "look", "listen", "see", "like", "great", "cool", "good", "fine", "sure",
        "thanks", "thank", "hi", "hey", "hello", "morning", "please", "sorry", "ugh", "wow", "nice", "awesome",
        "lovely", "brilliant", "perfect", "exactly", "absolutely", "indeed", "true", "agreed", "hm", "hmm", "mm"]

    /// Replies that accept what was just proposed or asked.
    static let acceptances: Set<String> = ["yes", "yeah", "yep", "yup", "yea", "sure", "ok", "okay", "agreed", "agree", "fine",
        "absolutely", "definitely", "exactly", "correct", "right", "sounds", "great", "perfect", "deal", "done", "works",
        "cool", "certainly", "of course", "happy", "fair", "good", "alright", "will", "can", "gladly", "course"]
    /// Replies that hold something back.
    static let objections: Set<String> = ["no", "nope", "nah", "but", "however", "not", "don't", "disagree", "hmm", "wait",
        "actually", "unfortunately", "problem", "concern", "worried", "expensive", "unsure", "doubt", "risky"]

    static let numberWords: [String: Int] = ["zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
        "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
        "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
        "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
        "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000, "dozen": 12, "half": 0, "couple": 2]
    static let ordinalWords: [String: Int] = ["first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
        "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
        "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
        "twentieth": 20, "thirtieth": 30]

    static let weekdays: Set<String> = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"]
    static let months: Set<String> = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]

    /// Sounds people make while talking that carry no words: dropped before extraction.
    static let fillers: Set<String> = ["um", "umm", "uh", "uhh", "uhm", "er", "erm", "err", "ah", "ahh", "eh", "hmm", "hm", "ooh", "oh-oh",
        "mm", "mmm", "mhm", "mm-hmm", "mm-hm", "uh-huh", "uh-hum", "huh", "mmhmm", "mmhm", "uh-uh", "ehm", "hmmm"]
    /// Whole turns made only of these are backchannels: the listener signals attention.
    static let backchannels: Set<String> = ["yeah", "yes", "yep", "yup", "yea", "ok", "okay", "kay", "'kay", "right", "sure",
        "alright", "cool", "great", "fine", "good", "nice", "true", "exactly", "thanks", "thank", "you", "oh", "ah",
        "wow", "indeed", "absolutely", "definitely", "totally", "gotcha", "uh-huh", "mm-hmm", "no", "nope", "and", "so",
        "well", "perfect", "lovely", "brilliant", "correct", "agreed", "interesting", "fair", "enough", "ha", "haha", "hah"]

    static func isNumber(_ w: String) -> Bool {
        if numberWords[w] != nil { return true }
        // Spelled-out compounds: "twenty-four", "seventy-nine", "three-ten" (a price or a time).
        if w.contains("-") {
            let parts = w.split(separator: "-", omittingEmptySubsequences: false)
            return parts.count > 1 && parts.allSatisfy { numberWords[String($0)] != nil && $0 != "half" && $0 != "couple" }
        }
        guard let f = w.first, f.isNumber else { return false }
        return w.allSatisfy { $0.isNumber || $0 == "." || $0 == "," || $0 == "%" || $0 == "/" || $0 == "k" || $0 == "m" }
    }

    /// Every closed-class word, for the tagger.
    static let all: Set<String> = subjectPronouns.union(objectPronouns).union(possessives).union(possessivePronouns)
        .union(demonstratives).union(indefinitePronouns).union(whWords).union(determiners).union(prepositions)
        .union(coordinators).union(subordinators).union(beForms).union(haveForms).union(doForms).union(modals)
        .union(negators).union(Set(contractions.keys))
}
