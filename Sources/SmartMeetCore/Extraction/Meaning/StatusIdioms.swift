import Foundation

/// English idioms that state the progress of work but that WordNet does not list as
/// words: prepositional phrases ("on hold", "at risk", "on track") and a few fixed verb
/// phrases. Like the function words, they are part of the language, found in any
/// industry's meetings; each is matched on lemmas, so "put it on ice" and "been put on
/// ice" are one idiom.
enum StatusIdioms {
    struct Idiom {
        let words: [String]
        let concept: StatusConcept
        /// The idiom negates itself ("off track" is trouble, "no longer blocked" resumes).
        let strength: Int
    }

    private static let table: [(String, StatusConcept, Int)] = [
        ("on hold", .pause, 3), ("on ice", .pause, 3), ("on pause", .pause, 3), ("back burner", .pause, 3),
        ("on the back burner", .pause, 3),
        ("at risk", .trouble, 3), ("in jeopardy", .trouble, 3), ("off track", .trouble, 3), ("behind schedule", .delay, 3),
        ("running late", .delay, 3), ("running behind", .delay, 3), ("behind on", .delay, 3), ("behind with", .delay, 3),
        ("behind the curve", .delay, 2), ("ahead of schedule", .progress, 2), ("on course", .progress, 2), ("on target", .progress, 2), ("up in the air", .trouble, 2), ("in trouble", .trouble, 3),
        ("on track", .progress, 2), ("on schedule", .progress, 2), ("back on track", .resume, 3), ("in progress", .progress, 3),
        ("under way", .progress, 3), ("in flight", .progress, 2), ("in the works", .progress, 2), ("in motion", .progress, 2),
        ("in testing", .progress, 2), ("in hand", .progress, 2), ("keep going", .progress, 2), ("keep at it", .progress, 2), ("under control", .progress, 2), ("in review", .progress, 2), ("in development", .progress, 3), ("in the pipeline", .progress, 1),
        ("moving again", .resume, 3), ("moving along", .progress, 2), ("coming along", .progress, 2), ("going again", .resume, 3), ("back on", .resume, 2), ("up and running", .complete, 3),
        ("in the bag", .complete, 3), ("out the door", .complete, 3), ("out of the door", .complete, 3), ("go live", .complete, 3),
        ("went live", .complete, 3), ("in place", .complete, 2), ("over the line", .complete, 3), ("wrapped up", .complete, 3),
        ("good to go", .approve, 2), ("said yes", .approve, 2), ("say yes", .approve, 2), ("signed off on", .approve, 2), ("green light", .approve, 3), ("go ahead", .approve, 3), ("go-ahead", .approve, 3),
        ("sign off", .approve, 2), ("signed off", .approve, 2), ("on the roadmap", .schedule, 2), ("on the books", .schedule, 2),
        ("on the calendar", .schedule, 2), ("on the cal", .schedule, 2), ("locked in", .approve, 2),
        ("out of scope", .cancel, 3), ("off the table", .cancel, 3), ("pull the plug", .cancel, 3), ("pulled the plug", .cancel, 3),
        ("dead in the water", .cancel, 3), ("no longer needed", .cancel, 3), ("not happening", .cancel, 3), ("fell through", .cancel, 3),
        ("on the table", .propose, 2), ("worth a look", .consider, 2), ("worth a try", .propose, 2), ("worth exploring", .consider, 2),
        ("worth considering", .consider, 2), ("held up", .block, 3), ("holding up", .block, 3), ("holding us up", .block, 3),
        ("ran again", .complete, 2), ("runs fine", .complete, 2), ("ran fine", .complete, 2), ("running smoothly", .complete, 2),
        ("ran smoothly", .complete, 2), ("working fine", .complete, 2), ("works fine", .complete, 2), ("no issues", .complete, 1),
        ("come through", .complete, 2), ("came through", .complete, 2), ("done deal", .complete, 3), ("no-go", .cancel, 3),
        ("no go", .cancel, 3), ("in limbo", .wait, 2), ("on the critical path", .block, 2), ("fallen behind", .delay, 3),
        ("fell behind", .delay, 3), ("pushed back", .delay, 2), ("push back", .delay, 2), ("pushed out", .delay, 2),
    ]

    static let all: [Idiom] = table.map { entry -> Idiom in
        Idiom(words: entry.0.split(separator: " ").map(String.init), concept: entry.1, strength: entry.2)
    }

    /// Longest first, so "back on track" wins over "on track"; sorted once, not per clause.
    private static let longestFirst = all.sorted { $0.words.count > $1.words.count }

    /// Idioms in `words[range]`, longest first, as (concept, strength, start index).
    static func find(in words: [Word], _ range: Range<Int>) -> [(idiom: Idiom, at: Int)] {
        var out: [(Idiom, Int)] = []
        var taken = Set<Int>()
        for idiom in longestFirst {
            var i = range.lowerBound
            while i + idiom.words.count <= range.upperBound {
                let slice = (i..<(i + idiom.words.count))
                if !slice.contains(where: taken.contains),
                   zip(slice, idiom.words).allSatisfy({ words[$0].lower == $1 || words[$0].lemma == $1 }) {
                    out.append((idiom, i))
                    slice.forEach { taken.insert($0) }
                    i += idiom.words.count
                } else {
                    i += 1
                }
            }
        }
        return out.sorted { $0.1 < $1.1 }
    }
}
