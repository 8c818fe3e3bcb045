// The sex a common English given name usually marks, so that "Mrs. Shepard" is not
// Matthew Shepard and "she said" does not go to the last man named. A short list of names
// frequent in US and UK news; a name on neither list says nothing (nor do names worn by
// men and women alike in the news: "Jean" Charest, "Andrea" Pirlo).
#include "facts/facts_internal.h"
#include "text/tokenize.h"

namespace chorus::internal {

NameSex first_name_sex(std::string_view first) {
  static const WordSet kMale{
      "aaron", "adam", "alan", "albert", "alexander", "alfred", "andrew", "anthony", "arthur", "barry", "benjamin",
      "bernard", "bill", "billy", "bob", "bobby", "boris", "brad", "brian", "bruce", "carl", "carlos", "charles",
      "charlie", "chris", "christopher", "colin", "craig", "dan", "daniel", "danny", "darren", "dave", "david",
      "dennis", "derek", "dick", "don", "donald", "douglas", "duncan", "eddie", "edward", "eric", "frank", "fred",
      "frederick", "gary", "george", "gerald", "gordon", "graham", "greg", "gregory", "harold", "harry", "henry",
      "howard", "hugh", "ian", "jack", "jacques", "james", "jason", "jeff", "jeffrey", "jerry", "jim", "jimmy",
      "joe", "john", "johnny", "jonathan", "joseph", "juan", "keith", "ken", "kenneth", "kevin", "larry", "lawrence",
      "leonard", "louis", "mark", "martin", "matt", "matthew", "michael", "mike", "mohammed", "muhammad", "neil",
      "nicholas", "nick", "patrick", "paul", "peter", "philip", "phillip", "ralph", "raymond", "richard", "rick",
      "robert", "roger", "ronald", "roy", "russell", "ryan", "samuel", "scott", "sean", "stephen", "steve",
      "steven", "stuart", "ted", "terry", "thomas", "tim", "timothy", "tom", "tony", "trent", "victor", "vincent",
      "walter", "wayne", "william", "willie"};
  static const WordSet kFemale{
      "alice", "alison", "amanda", "amy", "angela", "ann", "anna", "anne", "barbara", "betty", "brenda",
      "carol", "caroline", "catherine", "charlotte", "cheryl", "christine", "claire", "cynthia", "deborah",
      "debbie", "denise", "diana", "diane", "donna", "doris", "dorothy", "elizabeth", "ellen", "emily", "emma",
      "evelyn", "frances", "gloria", "hannah", "heather", "helen", "hillary", "jacqueline", "jane", "janet",
      "janice", "jennifer", "jessica", "joan", "joyce", "judith", "judy", "julia", "julie", "karen",
      "kate", "katherine", "kathleen", "kathy", "kelly", "laura", "linda", "lisa", "lois", "lynn", "madeleine",
      "margaret", "maria", "marie", "marilyn", "martha", "mary", "melissa", "michelle", "nancy", "nicole",
      "pamela", "patricia", "paula", "rachel", "rebecca", "rose", "ruth", "sandra", "sarah", "sharon", "shirley",
      "sophie", "stephanie", "susan", "tansu", "teresa", "theresa", "tina", "victoria", "virginia", "wendy"};
  const std::string w = lower_word(first);
  if (kMale.contains(w)) return NameSex::kMale;
  if (kFemale.contains(w)) return NameSex::kFemale;
  return NameSex::kUnknown;
}

NameSex sex_of_word(std::string_view word) {
  const std::string w = lower_word(word);
  if (one_of(w, {"he", "mr", "mr.", "sir", "lord", "king", "prince", "his", "him"})) return NameSex::kMale;
  if (one_of(w, {"she", "mrs", "mrs.", "ms", "ms.", "miss", "dame", "lady", "queen", "princess", "her"})) {
    return NameSex::kFemale;
  }
  return NameSex::kUnknown;
}

bool sexes_clash(NameSex a, NameSex b) { return a != NameSex::kUnknown && b != NameSex::kUnknown && a != b; }

}  // namespace chorus::internal
