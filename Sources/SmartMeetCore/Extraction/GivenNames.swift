import Foundation

/// Common given names from many languages. A capitalised word that is one of these is a
/// person ("Ben is stuck"), even when that person never speaks in the meeting.
enum GivenNames {
    static let all: Set<String> = [
        "aaron", "abby", "adam", "adrian", "ahmed", "aisha", "alan", "alex", "alice", "alicia", "amanda", "amir",
        "amy", "ana", "andrea", "andrew", "angela", "anna", "anne", "anthony", "anton", "arjun", "arthur", "ashley",
        "ava", "ben", "benjamin", "beth", "bob", "brad", "brian", "bruce", "carl", "carla", "carlos", "carmen",
        "caroline", "catherine", "charles", "charlie", "chen", "chris", "christina", "claire", "clara", "daniel", "david", "deepak",
        "diana", "diego", "dmitri", "dong", "ed", "edward", "elena", "eli", "elizabeth", "ella", "emily", "emma",
        "eric", "erik", "eva", "evan", "fatima", "felix", "fiona", "frank", "fred", "gabriel", "george", "grace",
        "greg", "hannah", "hans", "harry", "helen", "henry", "hiro", "hugo", "ian", "igor", "irene", "isaac",
        "isabel", "ivan", "jack", "jacob", "james", "jamie", "jan", "jane", "jason", "javier", "jay", "jean",
        "jeff", "jen", "jennifer", "jessica", "jim", "joe", "john", "jon", "jonas", "jose", "joseph", "josh",
        "juan", "julia", "julie", "karen", "kate", "katie", "kevin", "kim", "kumar", "laura", "leo", "li",
        "liam", "lily", "linda", "lisa", "lucas", "lucy", "luis", "luke", "maria", "mark", "marta", "martin",
        "mary", "matt", "matthew", "max", "mei", "michael", "michelle", "mike", "mohamed", "mohammed", "nadia", "natalie",
        "nathan", "nick", "nina", "noah", "olga", "oliver", "olivia", "omar", "oscar", "pablo", "paul", "paula",
        "pedro", "peter", "priya", "rachel", "rahul", "raj", "ravi", "rebecca", "richard", "rita", "rob", "robert",
        "rosa", "ryan", "sam", "samuel", "sara", "sarah", "scott", "sean", "sergei", "simon", "sofia", "sophie",
        "stefan", "steve", "steven", "sue", "susan", "tara", "tom", "tony", "victor", "vikram", "wei", "will",
        "william", "yuki", "yusuf", "zara", "zoe"
    ]
}
