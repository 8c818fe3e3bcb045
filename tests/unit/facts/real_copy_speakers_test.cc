// Who said what on real wire copy (issue 12): quotation marks, speakers and entities,
// each as a sentence written for the test.
#include <gtest/gtest.h>

#include <algorithm>

#include "chorus/brief.h"
#include "chorus/facts.h"
#include "real_copy_util.h"

namespace chorus {
namespace {

using test::real_copy::article;
using test::real_copy::figure;

// Speaker and the first words of each quote of a text.
std::vector<std::pair<std::string, std::string>> quotes_of(const std::string& body) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const Quote& q : find_quotes(article(body))) out.emplace_back(q.speaker, q.text.substr(0, 16));
  return out;
}

using Quotes = std::vector<std::pair<std::string, std::string>>;

TEST(RealCopySpeakersTest, RolesAndClausesBetweenQuoteAndName) {
  EXPECT_EQ(quotes_of("Omar Haddad, director of the Red Crescent, told the agency: \"We need blood and tents now.\""),
            (Quotes{{"Omar Haddad", "We need blood an"}}));
  EXPECT_EQ(quotes_of("\"The water came so fast,\" said one woman, Lena Marsh."), (Quotes{{"Lena Marsh", "The water came s"}}));
  EXPECT_EQ(quotes_of("\"The ceiling fell in,\" Tom Reyes, 19, a waiter at the hotel, said."),
            (Quotes{{"Tom Reyes", "The ceiling fell"}}));
  EXPECT_EQ(quotes_of("\"We could have saved more people,\" Karl Berg was quoted as saying by the newspaper."),
            (Quotes{{"Karl Berg", "We could have sa"}}));
  EXPECT_EQ(quotes_of("\"They can no longer fight,\" said a top Russian commander, Maj. Gen. Ivan Petrov."),
            (Quotes{{"Ivan Petrov", "They can no long"}}));
}

TEST(RealCopySpeakersTest, HeSaidGoesToTheOneJustNamed) {
  EXPECT_EQ(quotes_of("\"It was a panic,\" police spokesman Bengt Staaf said.\n\n"
                      "Lennart Olin said there were signs the fire was set.\n\n"
                      "\"It spread so fast it was not a normal fire,\" he said."),
            (Quotes{{"Bengt Staaf", "It was a panic"}, {"Lennart Olin", "It spread so fas"}}));
}

TEST(RealCopySpeakersTest, APartialQuoteBelongsToItsSentencesSpeaker) {
  EXPECT_EQ(quotes_of("Minister Anna Holt wrote to the families, pledging that those responsible \"would face justice "
                      "in this country\"."),
            (Quotes{{"Anna Holt", "would face justi"}}));
}

TEST(RealCopySpeakersTest, PossessivesAndPlacesAreNotSpeakers) {
  EXPECT_EQ(quotes_of("\"She was my whole life,\" said Anna Berg's husband Lars Berg."),
            (Quotes{{"Lars Berg", "She was my whole"}}));
  EXPECT_EQ(quotes_of("Ruth Cole, the prosecutor in Marseille, said: \"The inquiry is only beginning.\""),
            (Quotes{{"Ruth Cole", "The inquiry is o"}}));
}

TEST(RealCopySpeakersTest, NamesInsideOtherWordsAreNotSpeakers) {
  // "States" of "United States" is no speech verb; the partial quote is the one who added it.
  EXPECT_EQ(quotes_of("\"What they do is their business,\" said Amir Nadir, a party member. He added that the "
                      "United States should know the leader \"is a good man, and all the world thinks so.\""),
            (Quotes{{"Amir Nadir", "What they do is "}, {"Amir Nadir", "is a good man, a"}}));
  EXPECT_EQ(quotes_of("Moreover, Ross Baker of Rutgers noted that senators break ranks.\n\n"
                      "\"It is such an individualistic institution,\" he said."),
            (Quotes{{"Ross Baker", "It is such an in"}}));
  EXPECT_EQ(quotes_of("\"We found that all of our ideas can help,\" said task force member and Lakeside student Sam Ortiz."),
            (Quotes{{"Sam Ortiz", "We found that al"}}));
  EXPECT_EQ(quotes_of("Ana Reyes, whose notes are evidence, is said by Tom Hart to be an \"extraordinarily fast typist\" "
                      "in every meeting."),
            (Quotes{{"Tom Hart", "extraordinarily "}}));
}

TEST(RealCopySpeakersTest, TyposSexAndTitles) {
  // A surname misspelt a sentence after the full name is that person.
  EXPECT_EQ(quotes_of("White House spokesman Joe Lockhart said the United States deplored the arrests.\n\n"
                      "\"We call on the government to release them,\" Lockart said."),
            (Quotes{{"Joe Lockhart", "We call on the g"}}));
  // "she" is not the last man named.
  EXPECT_EQ(quotes_of("Mary Cole met Peter Grant on Monday.\n\n\"It was a long meeting,\" she said."),
            (Quotes{{"Mary Cole", "It was a long me"}}));
  // A sentence opened by the same pronoun is about the same person.
  EXPECT_EQ(quotes_of("Tore Godal is a malaria expert. He said only one firm, Smith Kline Beecham, has shown interest.\n\n"
                      "\"There is no sufficient commercial market,\" he said."),
            (Quotes{{"Tore Godal", "There is no suff"}}));
  // A book's title has no speaker, and "he" then is its author.
  EXPECT_EQ(quotes_of("Jack Levin, an author of \"Hate Crimes: The Rising Tide of Bigotry\" (Plenum Press, 1993), "
                      "said it was not unusual.\n\n\"Most hate crimes respond to economic factors,\" he said."),
            (Quotes{{"", "Hate Crimes: The"}, {"Jack Levin", "Most hate crimes"}}));
}

TEST(RealCopySpeakersTest, WireAttributionsAsAPAndXinhuaWriteThem) {
  // Abbreviated titles and party tags hold full stops that end no sentence.
  EXPECT_EQ(quotes_of("\"We are doing everything we can,\" Gov. George Pataki told reporters."),
            (Quotes{{"George Pataki", "We are doing eve"}}));
  EXPECT_EQ(quotes_of("Sen. John McCain, R-Ariz., said the plan \"makes no sense at all.\""),
            (Quotes{{"John McCain", "makes no sense a"}}));
  EXPECT_EQ(quotes_of("Rep. Tom Lee, D-Texas, said: \"We will vote no on this.\""),
            (Quotes{{"Tom Lee", "We will vote no "}}));
  // The one quoted speaks, not the agency quoting.
  EXPECT_EQ(quotes_of("Xinhua quoted Li Peng as saying that \"flood control is the top priority.\""),
            (Quotes{{"Li Peng", "flood control is"}}));
  EXPECT_EQ(quotes_of("According to police chief Tom Brown, \"the suspects fled on foot.\""),
            (Quotes{{"Tom Brown", "the suspects fle"}}));
  EXPECT_EQ(quotes_of("\"The suspects fled into the woods,\" according to the Interior Ministry."),
            (Quotes{{"Interior Ministry", "The suspects fle"}}));
  EXPECT_EQ(quotes_of("\"The situation is very serious,\" said a spokeswoman for the United Nations, Maria Lopez."),
            (Quotes{{"Maria Lopez", "The situation is"}}));
}

TEST(RealCopySpeakersTest, PartialQuotesInReportedSpeech) {
  // "the reports" and "the states" are nouns, not speech verbs.
  EXPECT_EQ(quotes_of("John Smith spoke first.\n\nSmith said the reports \"sought to drench the police in dirty water.\""),
            (Quotes{{"John Smith", "sought to drench"}}));
  EXPECT_EQ(quotes_of("Luciano Dias is an analyst.\n\nHe said that if opponents win in the states of Sao Paulo, "
                      "\"the going will get much tougher.\""),
            (Quotes{{"Luciano Dias", "the going will g"}}));
  // A bare surname-first name is the one person named before who starts so.
  EXPECT_EQ(quotes_of("Chen Shaoji, the police chief, spoke.\n\nChen said the claims were \"a pack of lies from the start.\""),
            (Quotes{{"Chen Shaoji", "a pack of lies f"}}));
  EXPECT_EQ(quotes_of("In his letter, Abdullah Ocalan accused the government of trying \"to annihilate the party leadership.\""),
            (Quotes{{"Abdullah Ocalan", "to annihilate th"}}));
}

TEST(RealCopySpeakersTest, DescriptionsWithoutNames) {
  EXPECT_EQ(quotes_of("\"I'm not going anywhere,\" the 62-year-old senator said."),
            (Quotes{{"senator", "I'm not going an"}}));
  EXPECT_EQ(quotes_of("\"There is no place to go,\" said one resident, who asked not to be named."),
            (Quotes{{"resident", "There is no plac"}}));
  EXPECT_EQ(quotes_of("The judge, in a written ruling, said the evidence \"does not support the charges.\""),
            (Quotes{{"judge", "does not support"}}));
  // A possessive's relative named after a comma speaks.
  EXPECT_EQ(quotes_of("\"We have no choice,\" said Yasser Arafat's spokesman, Nabil Abu Rdeneh."),
            (Quotes{{"Nabil Abu Rdeneh", "We have no choic"}}));
}

TEST(RealCopySpeakersTest, FeatureStyleAttributions) {
  EXPECT_EQ(quotes_of("The hunt resumed.\n\nSays McCarty: \"They want us to do a humane kill.\""),
            (Quotes{{"McCarty", "They want us to "}}));
  EXPECT_EQ(quotes_of("\"He is not a Jesse Helms,\" Maxey (D-Austin) said."),
            (Quotes{{"Maxey", "He is not a Jess"}}));
  EXPECT_EQ(quotes_of("Ruth Beck wrote the book.\n\n\"Especially when you are facing 50, 30 looks good,\" Beck concedes."),
            (Quotes{{"Ruth Beck", "Especially when "}}));
}

TEST(RealCopySpeakersTest, PhrasesCutInTheWrongPlaceAreTidied) {
  // "Secretary of Agriculture Dan Glickman": the name, not "of Agriculture Dan Glickman".
  EXPECT_EQ(quotes_of("\"This provision would change the program,\" said Secretary of Agriculture Dan Glickman."),
            (Quotes{{"Dan Glickman", "This provision w"}}));
  // "the media reported" is a verb, so the short partial quote is kept (its speaker, a
  // description before an apposition-less verb, is not read yet).
  EXPECT_EQ(quotes_of("The state-controlled media reported an \"unprecedented and unique\" turnout."),
            (Quotes{{"", "unprecedented an"}}));
  EXPECT_EQ(quotes_of("Wang helped draft a party manifesto that states, \"Only by establishing a party can we win.\""),
            (Quotes{{"party manifesto", "Only by establis"}}));
}

TEST(RealCopySpeakersTest, FamilyNamesAndTimePhrases) {
  // A Chinese surname "He" mid-sentence is a name, and "Ms. He" is that person.
  EXPECT_EQ(quotes_of("Xu's wife, He Xintong, said she had not been told.\n\n\"My husband thought the time was right,\" "
                      "Ms. He said."),
            (Quotes{{"He Xintong", "My husband thoug"}}));
  // A relative named by first name has the family's name.
  EXPECT_EQ(quotes_of("Shepard's mother, Judy, sat in the last row.\n\n\"There is no guarantee,\" Mrs. Shepard said."),
            (Quotes{{"Judy Shepard", "There is no guar"}}));
  // "a few weeks later" is when, not who; "Tutu later said" is Tutu.
  EXPECT_EQ(quotes_of("An Intel note a few weeks later said, \"Gates made vague threats.\""),
            (Quotes{{"Intel", "Gates made vague"}}));
  EXPECT_EQ(quotes_of("Desmond Tutu spoke first.\n\n\"All we are doing is this,\" Tutu later said."),
            (Quotes{{"Desmond Tutu", "All we are doing"}}));
}

TEST(RealCopySpeakersTest, OrganisationAndRoleBeforeTheName) {
  // The capitalised words before a role say where the speaker is from.
  EXPECT_EQ(quotes_of("\"The harbor is not a part of this dispute,\" said Transport Ministry spokesman Eli Barak."),
            (Quotes{{"Eli Barak", "The harbor is no"}}));
  EXPECT_EQ(quotes_of("Most cases \"are so badly flawed that they must be redone,\" said Yale University law professor "
                      "Peter Lind, the lead author."),
            (Quotes{{"Peter Lind", "are so badly fla"}}));
  // The passive "was quoted ... by the daily Hurriyet as saying" is its subject's words.
  EXPECT_EQ(quotes_of("Prime Minister Mesut Yilmaz was quoted Saturday by the daily Hurriyet as saying, \"the soldier is "
                      "awaiting an order.\""),
            (Quotes{{"Mesut Yilmaz", "the soldier is a"}}));
  EXPECT_EQ(quotes_of("Citing her age, the ITF instead called the long ordeal \"a sanction in itself.\""),
            (Quotes{{"ITF", "a sanction in it"}}));
}

TEST(RealCopySpeakersTest, LeadInParagraphsAndSignedQuotes) {
  // A paragraph that ends "X says:" introduces the quotation that opens the next one.
  EXPECT_EQ(quotes_of("Rachel North started a weblog after the attack.\n\nWriting on the weblog, Ms North says:\n\n"
                      "\"Even if you don't like the questions, it is us who pay.\""),
            (Quotes{{"Rachel North", "Even if you don'"}}));
  EXPECT_EQ(quotes_of("Jim Courier, who trained his way to the No. 1 ranking and four Grand Slam titles, said:\n\n"
                      "\"If being big and strong were the main criteria, weight lifters would win.\""),
            (Quotes{{"Jim Courier", "If being big and"}}));
  // A name signed after the quotation, alone at the end of the paragraph.
  EXPECT_EQ(quotes_of("Other survivors wrote to her.\n\n\"People died, and hundreds are still suffering.\" - \"Fiona\""),
            (Quotes{{"Fiona", "People died, and"}}));
  // "quoted him as saying" is "he"; a day before the verb is when, not who; "Jean" is a man's name too.
  EXPECT_EQ(quotes_of("Sezgin said Turkey was still trying to use diplomatic means. \"But there is a limit of "
                      "patience,\" NTV quoted him as saying."),
            (Quotes{{"Sezgin", "But there is a l"}}));
  EXPECT_EQ(quotes_of("The leader of the Quebec Liberals, Jean Charest, said the election offers a clear choice.\n\n"
                      "\"Do we want a government that is going to hold another referendum?\" he asked."),
            (Quotes{{"Jean Charest", "Do we want a gov"}}));
  EXPECT_NE(quotes_of("Syria in a statement Saturday confirmed \"its keenness for good relations with Turkey\".")[0].first,
            "Saturday");
  // A list of sources, each a name and a dash; an office the article gave a name for.
  EXPECT_EQ(quotes_of("Reports of the toll:\n\n* AP - \"confirmed death toll passed 121,000.\"\n\n"
                      "* United Nations - \"the final toll may never be known.\""),
            (Quotes{{"AP", "confirmed death "}, {"United Nations", "the final toll m"}}));
  EXPECT_EQ(quotes_of("The columns were unveiled by Prime Minister Gordon Brown and Minister for London, Tessa "
                      "Jowell.\n\nEach column represented \"a unique person and a unique grief\" according to the "
                      "Minister for London."),
            (Quotes{{"Tessa Jowell", "a unique person "}}));
  // An office before "of the ...", an apposition after "according to", a relative clause's "who said".
  EXPECT_EQ(quotes_of("On Tuesday Prime Minister of the United Kingdom Tony Blair said Britain would \"move into a "
                      "different phase\" of operations."),
            (Quotes{{"Tony Blair", "move into a diff"}}));
  EXPECT_EQ(quotes_of("According to the Iranian Foreign Minister, Manouchehr Mottaki, the sailor will \"be released "
                      "very soon,\" he did not say when."),
            (Quotes{{"Manouchehr Mottaki", "be released very"}}));
  EXPECT_EQ(quotes_of("The first witnesses were Aaron Kreifels, who found him, and Albany County Deputy Reggie Fluty, "
                      "who said she told the victim, \"Baby, I am so sorry this happened.\""),
            (Quotes{{"Reggie Fluty", "Baby, I am so so"}}));
  // An abbreviation's possessive opens no quotation; an office whose second comma is missing.
  EXPECT_EQ(quotes_of("Tony Blair, the U.K.'s Prime Minister, calls the situation \"unjustified and wrong.\""),
            (Quotes{{"Tony Blair", "unjustified and "}}));
  EXPECT_EQ(quotes_of("Margaret Beckett, the U.K.'s Foreign Secretary said, \"we sought a full explanation of what "
                      "happened.\""),
            (Quotes{{"Margaret Beckett", "we sought a full"}}));
  // A document speaks for its author, or for whoever was quoted from it before.
  EXPECT_EQ(quotes_of("The report by retired judge Sir William Macpherson was published on Wednesday.\n\n"
                      "\"It can be seen in processes, attitudes and behavior,\" the report said."),
            (Quotes{{"Sir William Macpherson", "It can be seen i"}}));
  EXPECT_EQ(quotes_of("In a statement issued in Porto, the Chilean government said it is \"filing a formal protest "
                      "with the British government.\"\n\nThe statement, read by the acting foreign minister, demanded "
                      "\"that steps be taken to allow an early end.\""),
            (Quotes{{"Chilean government", "filing a formal "}, {"Chilean government", "that steps be ta"}}));
  // A pronoun after a name in its own sentence (not a name inside a quotation); an agency
  // reporting someone's words; a participle's clause after the subject.
  EXPECT_EQ(quotes_of("Al-Hayat said it had questioned Libyan Justice Minister Mohamed Belgasim about the trials, but "
                      "he had replied only \"trials are going on all the time.\""),
            (Quotes{{"Mohamed Belgasim", "trials are going"}}));
  EXPECT_EQ(quotes_of("John Warden spoke for two hours.\n\nWarden accused the government of trying to \"demonize Bill "
                      "Gates,\" whom he described as \"a man whose vision has been at the core of it.\"")[1].first,
            "John Warden");
  EXPECT_EQ(quotes_of("A committee picked by China to prepare for Macau's Dec. 20, 1999, handover said it welcomed "
                      "\"the measures taken so far\" and \"hopes for even more effective steps,\" the Xinhua News "
                      "Agency said."),
            (Quotes{{"committee", "the measures tak"}, {"committee", "hopes for even m"}}));
  // A relative named by first name bears the family's; the family name alone is then the one
  // just quoted, not the victim named before.
  EXPECT_EQ(quotes_of("Matthew Shepard was killed last year.\n\n\"We call upon the president to act,\" said "
                      "Shepard's father Dennis at a news conference. The bill \"will not end hatred,\" Shepard added."),
            (Quotes{{"Dennis Shepard", "We call upon the"}, {"Dennis Shepard", "will not end hat"}}));
  // "Jones' wife, Joanna"; a quotation after reported speech that ends "..., Noble said.".
  EXPECT_EQ(quotes_of("\"They had a low day yesterday,\" said Jones' wife, Joanna, at the control center."),
            (Quotes{{"Joanna Jones", "They had a low d"}}));
  EXPECT_EQ(quotes_of("Alan Noble runs the flight.\n\nA night landing was not out of the question, Noble said.\n\n"
                      "\"We do have night vision goggles onboard, which are fairly powerful.\""),
            (Quotes{{"Alan Noble", "We do have night"}}));
  // "Then Boies indicated ...": the name past the connective is whom "he" means.
  EXPECT_EQ(quotes_of("Richard Blumenthal encouraged David Boies to say something. \"You're the man,\" Blumenthal "
                      "said.\n\nThen Boies indicated that he thought the outcome had to do with facts. \"In some senses, "
                      "this is not a surprise,\" he said.")[1].first,
            "David Boies");
  // An office named with its holder before; a report named with its author before; "X did
  // not ..., but said".
  EXPECT_EQ(quotes_of("The judge, Thomas Penfield Jackson of U.S. District Court, ruled on Monday.\n\nIn his "
                      "conclusions, the judge wrote that \"the court concludes that Microsoft kept its monopoly.\""),
            (Quotes{{"Thomas Penfield Jackson", "the court conclu"}}));
  EXPECT_EQ(quotes_of("The Coalition for Juvenile Justice report said 3 percent of juveniles arrested are Indian.\n\n"
                      "\"Indian youth are found far too often in the back of squad cars,\" the report said."),
            (Quotes{{"Coalition for Juvenile Justice", "Indian youth are"}}));
  EXPECT_EQ(quotes_of("Gore did not explicitly embrace the action, but said then that \"the values inherent in the "
                      "antitrust laws are sound.\""),
            (Quotes{{"Gore", "the values inher"}}));
  // "Although" opens no name; an appositive name before "of"; "she" after an unnamed woman.
  EXPECT_EQ(quotes_of("Although Gingrich left the House, crowds followed him.\n\n\"Now Rebekah, you have to buy this "
                      "book,\" Gingrich said after signing it."),
            (Quotes{{"Gingrich", "Now Rebekah, you"}}));
  EXPECT_EQ(quotes_of("\"It is just a formality,\" said one dejected lawmaker, Ruth Rabinowitz of the Inkatha Freedom "
                      "Party."),
            (Quotes{{"Ruth Rabinowitz", "It is just a for"}}));
  EXPECT_EQ(quotes_of("Haim Bar-Lev smiled and replied.\n\nA newswoman in a small restaurant was sitting beneath a sign. "
                      "She asked the waiter if she could smoke.\n\n\"The waiter lifted the sign off the wall,\" she says."),
            (Quotes{{"newswoman", "The waiter lifte"}}));
  // A point inside brackets ends no sentence.
  EXPECT_EQ(quotes_of("\"It's only right that we invite Newt Gingrich to return,\" Rep. Mac Collins (R-Ga.) said."),
            (Quotes{{"Mac Collins", "It's only right "}}));
  // "the group" is the organisation quoted just before.
  EXPECT_EQ(quotes_of("A Peace Now statement said that \"Netanyahu is spitting in her face\" by attending. \"He is "
                      "trying his best to sabotage the peace process,\" the group said."),
            (Quotes{{"Peace Now", "Netanyahu is spi"}, {"Peace Now", "He is trying his"}}));
  // A relative clause whose closing comma is missing.
  EXPECT_EQ(quotes_of("Stipe Dorotic, a 38-year-old electrician from eastern Croatia, who attended the ceremony said "
                      "he hoped it \"will enable Croats to face the future.\""),
            (Quotes{{"Stipe Dorotic", "will enable Croa"}}));
  // Past an aside between dashes; "in Piccard's words".
  EXPECT_EQ(quotes_of("Asked about the balloon, Jones _ who, like Piccard, wore a blue flight suit _ said: \"It is "
                      "completely deflated, like me, really.\""),
            (Quotes{{"Jones", "It is completely"}}));
  EXPECT_EQ(quotes_of("The foundation will award prizes to those who are committed, in Piccard's words, to \"fighting "
                      "against forgotten sufferances.\""),
            (Quotes{{"Piccard", "fighting against"}}));
  // Without a lead-in or a signature the quotation stays unattributed.
  EXPECT_EQ(quotes_of("The report was published on Monday.\n\n\"People died, and hundreds are still suffering.\""),
            (Quotes{{"", "People died, and"}}));
}

TEST(RealCopySpeakersTest, DefiniteDescriptionsAndLateVerbsPointBack) {
  // "the Dorchester Democrat", "the Republican governor", "the single mother": someone named.
  EXPECT_EQ(quotes_of("The lawmaker, Frank Dunne, a Dorchester Democrat, blocked the bill.\n\n\"There has been no "
                      "arm-twisting at all,\" said the Dorchester Democrat."),
            (Quotes{{"Frank Dunne", "There has been n"}}));
  EXPECT_EQ(quotes_of("Governor Paul Keane attacked the speaker on Monday.\n\n\"I think that he was set on defeating "
                      "it,\" the Republican governor said."),
            (Quotes{{"Paul Keane", "I think that he "}}));
  EXPECT_EQ(quotes_of("Ms. Pope said she did not know where her son was. \"I do not want my son locked up,\" the "
                      "41-year-old single mother said."),
            (Quotes{{"Ms. Pope", "I do not want my"}}));
  // An official the article never names stays described.
  EXPECT_EQ(quotes_of("Bin Laden's family is cooperating, said one Arab official.\n\n\"Officials have talked to the "
                      "family,\" the Arab official said."),
            (Quotes{{"Arab official", "Officials have t"}}));
  // "..., Lowe said." ends a long sentence; "said student Eric Morel" is who speaks; "U.S." is no one.
  EXPECT_EQ(quotes_of("Some national action such as the proposed federal Clean Water Program, which includes the "
                      "monitoring of rivers as well as the use of new filters at every plant in the region and in the "
                      "towns around it, may be needed, Lowe said.\n\n\"You need many methods,\" he said."),
            (Quotes{{"Lowe", "You need many me"}}));
  EXPECT_EQ(quotes_of("That is enough to keep Acadians content, said Acadian student Eric Morel.\n\n\"Acadia was erased "
                      "from the maps,\" he said."),
            (Quotes{{"Eric Morel", "Acadia was erase"}}));
  EXPECT_EQ(quotes_of("In Washington, spokesman James P. Rubin reaffirmed U.S. support for Canada. \"We value a strong "
                      "and united Canada,\" he said."),
            (Quotes{{"James P. Rubin", "We value a stron"}}));
}

TEST(RealCopySpeakersTest, AnOfficeAloneIsThePersonNamedInIt) {
  // "Gov." and "Sen." are titles of a name, as "Dr." is; "the governor" is that person.
  EXPECT_EQ(quotes_of("Gov. Ann Corrigan on Tuesday vetoed the bill.\n\nThe governor also vetoed a second bill.\n\nThe "
                      "governor said she worried that the bill \"may harm the work of the police in every town,\" in her "
                      "message."),
            (Quotes{{"Ann Corrigan", "may harm the wor"}}));
  EXPECT_EQ(quotes_of("Attorney General Maria Olsen denied the report on Friday.\n\n\"What I hope will happen is that we "
                      "agree,\" the attorney general said."),
            (Quotes{{"Maria Olsen", "What I hope will"}}));
  // A month before a second name word is a first name: "said June Arnette".
  EXPECT_EQ(quotes_of("\"This is something we have encouraged for several years,\" said June Arnette, associate "
                      "director of the National School Safety Center in Westlake Village, Calif."),
            (Quotes{{"June Arnette", "This is somethin"}}));
  // "Berkley Springs, W. Va.," is a place, so the sentence names one person, not a list.
  EXPECT_EQ(quotes_of("\"We put it in every school,\" said Bob Bateman, the company president.\n\nPeter Blauvelt, "
                      "president of the National Alliance for Safe Schools in Berkley Springs, W. Va., also saw merit "
                      "in the software.\n\n\"This bullying was a common factor in all five cases,\" he said."),
            (Quotes{{"Bob Bateman", "We put it in eve"}, {"Peter Blauvelt", "This bullying wa"}}));
  // A long apposition before the verb, and an adverbial between subject and verb.
  EXPECT_EQ(quotes_of("\"Two hours after the earthquake has occurred, the wave is spreading,\" Thorne Lay, professor of "
                      "earth sciences and director of the Institute of Geophysics and Planetary Physics at the "
                      "University of California, Santa Cruz said."),
            (Quotes{{"Thorne Lay", "Two hours after "}}));
  EXPECT_EQ(quotes_of("Melrose High senior Erica Muxie on the other hand said that if forced to wear a uniform, \"I "
                      "would not feel like myself anymore.\""),
            (Quotes{{"Erica Muxie", "I would not feel"}}));
  // "quoted X as saying." ends a sentence before the quotation; "shrieked" is speech.
  EXPECT_EQ(quotes_of("Ming Pao quoted Cheung Tze-keung as saying. \"There would have been no way that any of the top "
                      "10 tycoons could be spared\" from the kidnapping spree."),
            (Quotes{{"Cheung Tze-keung", "There would have"}}));
  EXPECT_EQ(quotes_of("The guards surrounded Wan Kuok-koi. \"You are corrupt, you have taken dirty money!\" Wan "
                      "shrieked, jumping on a bench."),
            (Quotes{{"Wan Kuok-koi", "You are corrupt,"}}));
  // "It said" after an organisation opens the sentence before is that organisation.
  EXPECT_EQ(quotes_of("Netscape Communications Corp. filed a complaint last month asking regulators to act.\n\nIt said "
                      "Microsoft was making the rival product \"far less accessible to its users.\""),
            (Quotes{{"Netscape Communications Corp", "far less accessi"}}));
  // A surname alone is the first person the article gave it to, not a relative named later;
  // the subject after a short opening clause is who "he" is.
  EXPECT_EQ(quotes_of("The challenger, Eliot Spitzer, accused the incumbent on Sunday.\n\nAt issue is a loan document "
                      "submitted to the state by his father, Bernard Spitzer.\n\nAs he did in the Friday debate, Spitzer "
                      "provided only a bare-bones response. \"The documents have been submitted,\" he said."),
            (Quotes{{"Eliot Spitzer", "The documents ha"}}));
  EXPECT_EQ(quotes_of("Home Secretary Jack Straw backed Sir Paul Condon. Straw ordered that unsolved cases be reopened."
                      "\n\nAt a news conference, Condon accepted the findings. He had previously denied it.\n\n\"We in "
                      "the Met feel a sense of shame,\" he said."),
            (Quotes{{"Paul Condon", "We in the Met fe"}}));
  EXPECT_EQ(quotes_of("Nancy Roseboro, 31, remembers showing up at the clinic as a young girl. As far as she is "
                      "concerned, Slepian gave her a second chance.\n\n\"If I had had that child, I would be stuck,\" "
                      "she said."),
            (Quotes{{"Nancy Roseboro", "If I had had tha"}}));
  // "said the Monroe County sheriff, Richard Roth"; "..., said Goldstein of the industry
  // group" (not the capital of the clause before "said"), but not the object of "told TT".
  EXPECT_EQ(quotes_of("\"It was absolutely essential,\" said the Monroe County sheriff, Richard Roth."),
            (Quotes{{"Richard Roth", "It was absolutel"}}));
  EXPECT_EQ(quotes_of("Steven Goldstein runs the industry group. The small market has kept the big American players "
                      "away, said Goldstein of the industry group.\n\n\"If insurers felt they could add to their bottom "
                      "line, they would be in there,\" he said."),
            (Quotes{{"Steven Goldstein", "If insurers felt"}}));
  EXPECT_EQ(quotes_of("Jamal Fawz, 15, told TT that he was on the dance floor. \"It looked like it started in the "
                      "ceiling,\" he was quoted as saying."),
            (Quotes{{"Jamal Fawz", "It looked like i"}}));
  // "they" after a group the sentence before says spoke; a possessive's "claims" is a noun.
  EXPECT_EQ(quotes_of("A group of 29 British rights organizations said the laws create tensions. They claimed Britain "
                      "\"has failed to take adequate measures to protect minorities.\""),
            (Quotes{{"group of 29 British rights organizations", "has failed to ta"}}));
  EXPECT_EQ(quotes_of("Robin Munro said he saw police with riot shields.\n\n\"They had no justification in sending in "
                      "the army,\" he said. Zhu's claims are \"just an excuse to justify the unjustifiable.\""),
            (Quotes{{"Robin Munro", "They had no just"}, {"Robin Munro", "just an excuse t"}}));
  EXPECT_EQ(quotes_of("Aslan Maskhadov demands that \"airstrikes and artillery attacks be stopped.\""),
            (Quotes{{"Aslan Maskhadov", "airstrikes and a"}}));
  EXPECT_EQ(quotes_of("\"I would be more concerned with Lyme disease,\" said Arnie Whitcom, the maintenance man.\n\n\"I "
                      "think Lyme disease is more of a threat,\" agreed Thelma Hansen, 50."),
            (Quotes{{"Arnie Whitcom", "I would be more "}, {"Thelma Hansen", "I think Lyme dis"}}));
  // "said the Republican governor" is the governor named before, not a legislator named since;
  // "Doctors Without Borders \"...\" the group said" is the group opening the sentence.
  EXPECT_EQ(quotes_of("Gov. Paul Cellucci assailed the speaker, and questioned the resignation of a legislator, Dennis "
                      "M. Murphy, a Springfield Democrat.\n\n\"I think that he was determined to defeat it,\" said the "
                      "Republican governor."),
            (Quotes{{"Paul Cellucci", "I think that he "}}));
  EXPECT_EQ(quotes_of("Accusing the United Nations of allowing ethnic cleansing, the group announced Monday it was "
                      "leaving.\n\nDoctors Without Borders \"can no longer tolerate the deterioration of living "
                      "conditions,\" the group said in a statement."),
            (Quotes{{"Doctors Without Borders", "can no longer to"}}));
  // "a government statement" speaks for the country its sentence names.
  EXPECT_EQ(quotes_of("Syria denies sheltering the rebels and in a government statement Saturday confirmed \"its "
                      "keenness for good neighborly relations with Turkey.\""),
            (Quotes{{"Syria", "its keenness for"}}));
  // ", said X" after the quotation: the speaker follows the verb, not the capital before it.
  EXPECT_EQ(quotes_of("It will \"take another two to three months\" to eliminate the militants in Chechnya, said "
                      "General Valery Manilov, first deputy chief of the General Staff."),
            (Quotes{{"Valery Manilov", "take another two"}}));
  // "Preliminary reports indicate" names no one: "he" is the aide who announced it.
  EXPECT_EQ(quotes_of("Preliminary reports indicate that 36 servicemen were killed in five attacks on Sunday, "
                      "presidential aide Sergei Yastrzhembsky announced here Monday.\n\nAll the attacks \"had one and "
                      "the same signature, one and the same scheme,\" he said."),
            (Quotes{{"Sergei Yastrzhembsky", "had one and the "}}));
  // ... unless the office's last mention is of someone the article does not name.
  EXPECT_EQ(quotes_of("Sen. Paula Brandt of Ohio was vulnerable long before the scandal.\n\nOne senior Democratic "
                      "senator summed it up on the condition of anonymity. \"When I came here, there were 64 of us,\" "
                      "the senator said."),
            (Quotes{{"senator", "When I came here"}}));
}

TEST(RealCopyQuotesTest, TrecMarksAndApostrophesInWords) {
  // TREC writes quotation marks as `` and ''; clean turns them into typographic marks.
  EXPECT_EQ(quotes_of("``The earlier information was wrong,'' detective Hans Carlsson said."),
            (Quotes{{"Hans Carlsson", "The earlier info"}}));
  EXPECT_EQ(quotes_of("Sgt Kevin O'Neill said: 'After 15 years' service I have never seen anything like it.'"),
            (Quotes{{"Kevin O'Neill", "After 15 years' "}}));
  EXPECT_TRUE(quotes_of("He called the figure \"peripheral\" and the offer \"fair\".").empty());
}

TEST(RealCopyEntitiesTest, CountriesNationsAndInstitutions) {
  Facts facts = extract_facts({article(
      "The United States said it would send aid. Four South Koreans were among the injured. Peter Neumann of "
      "King's College London said the Met Police had made arrests. MP Deborah Lyle visited the site.")});
  auto kind_of = [&](const std::string& name) -> std::string {
    for (const Entity& e : facts.entities) {
      if (e.name == name) return std::string(entity_kind_name(e.kind));
    }
    return "none";
  };
  EXPECT_EQ(kind_of("United States"), "place");
  EXPECT_EQ(kind_of("South Koreans"), "none");
  EXPECT_EQ(kind_of("King's College London"), "organisation");
  EXPECT_EQ(kind_of("Metropolitan Police"), "organisation");
  EXPECT_EQ(kind_of("Deborah Lyle"), "person");
  EXPECT_EQ(kind_of("MP Deborah Lyle"), "none");
}

TEST(RealCopySpeakersTest, SurnamesAgesAsidesAndLateNames) {
  // "the president" is the President Clinton named before, a surname with its title.
  EXPECT_EQ(quotes_of("WASHINGTON _ President Clinton expressed sympathy to Israel on Friday.\n\n\"They knew they would "
                      "face this moment,\" the president said."),
            (Quotes{{"President Clinton", "They knew they w"}}));
  // An age between a possessive and the relative who speaks.
  EXPECT_EQ(quotes_of("One bomber was named as Yusef Zughayar.\n\n\"I didn't raise him to lose him like that,\" said "
                      "Zughayar's 54-year-old father, Mohammed."),
            (Quotes{{"Mohammed Zughayar", "I didn't raise h"}}));
  // A name and an aside between dashes open the sentence before "he said".
  EXPECT_EQ(quotes_of("Last month, Maskhadov accused a Russian financier, Boris Berezovsky, of paying huge ransoms.\n\n"
                      "Berezovsky _ who has played an open role in the talks _ has denied the charges.\n\n\"I tried to do "
                      "everything possible,\" he said."),
            (Quotes{{"Boris Berezovsky", "I tried to do ev"}}));
  // "..., said X, a former surgeon, \"...\"": the name after the verb, when a comma closes it;
  // not what is said ("said Microsoft's strategy") nor who heard it ("told The Denver Post").
  EXPECT_EQ(quotes_of("Wang Bingzhang spoke on Monday.\n\nThe family business was shut in 1996, said Wang, a former "
                      "surgeon in Beijing, \"so they had no way of living.\""),
            (Quotes{{"Wang Bingzhang", "so they had no w"}}));
  EXPECT_EQ(quotes_of("As his uncle, Robert Eaton, told The Denver Post, the young man was \"a small person with a big "
                      "heart.\""),
            (Quotes{{"Robert Eaton", "a small person w"}}));
  // A number opening a sentence is no one's name: "One hostage" is a hostage.
  EXPECT_EQ(quotes_of("One hostage, released this year after months of captivity, described being held in wet "
                      "basements.\n\n\"Their goal was only money,\" he said."),
            (Quotes{{"hostage", "Their goal was o"}}));
  // An office opening the sentence before "he said" is its holder, not the names after it.
  EXPECT_EQ(quotes_of("\"How wonderful it would be,\" Prince Charles said.\n\nThe prince expressed his sympathy to "
                      "the parents at the first Stephen Lawrence memorial lecture.\n\n\"I wish them well in their "
                      "quest,\" he said."),
            (Quotes{{"Prince Charles", "How wonderful it"}, {"Prince Charles", "I wish them well"}}));
  // "the Libyan leader" is the one the article named in that office.
  EXPECT_EQ(quotes_of("African leaders, including the heads of state of Niger, Chad and the Central African Republic, "
                      "have visited.\n\nThe Libyan leader, Col. Moammar Gadhafi, was pleased.\n\nWithin days, the "
                      "Libyan leader pronounced that \"the Arab world is finished,\" and the map was removed."),
            (Quotes{{"Moammar Gadhafi", "the Arab world i"}}));
  // An institution's name runs over "of"; a speech verb in a clause about a noun ("the
  // smoke that the pilots reported") is not the quotation's.
  EXPECT_EQ(quotes_of("The Transportation Safety Board of Canada said in a statement that the damage was a source of "
                      "the smoke that the pilots reported in the cockpit, or \"merely the byproduct of other events.\""),
            (Quotes{{"Transportation Safety Board of Canada", "merely the bypro"}}));
  EXPECT_EQ(quotes_of("But the Board of Deputies of British Jews said it was \"a careful step to take.\""),
            (Quotes{{"Board of Deputies of British Jews", "a careful step t"}}));
  // A possessive before a surname is whose that person is; "Principal" is a title.
  EXPECT_EQ(quotes_of("Garry McGiboney, a school psychologist, spoke on Monday.\n\n\"I think that makes my point,\" "
                      "DeKalb's McGiboney says."),
            (Quotes{{"Garry McGiboney", "I think that mak"}}));
  EXPECT_EQ(quotes_of("Shamrock Principal Tom Davis spoke on Monday.\n\n\"That is one of the reasons,\" Principal Davis "
                      "says."),
            (Quotes{{"Tom Davis", "That is one of t"}}));
  // The name a "quoted ... as saying" description ends with; "says X" after a comma over a
  // place before it; an irregular verb after an opening surname.
  EXPECT_EQ(quotes_of("About 30 people were detained, Itar-Tass quoted Russian prosecutor in Chechnya Vladimir "
                      "Kravchenko as saying.\n\n\"Sufficient evidence has been collected,\" he said."),
            (Quotes{{"Vladimir Kravchenko", "Sufficient evide"}}));
  EXPECT_EQ(quotes_of("John Rappole, an ecologist, studies birds.\n\n\"The virus is probably in every corner of North "
                      "America by now\" as well as parts of South America, says Rappole."),
            (Quotes{{"John Rappole", "The virus is pro"}}));
  EXPECT_EQ(quotes_of("Park ranger Jennifer Grant walked up to the crow.\n\nGrant put on plastic gloves and scooped the "
                      "bird into a box near Willow Pond. \"Ever since last summer, we were told to keep an eye out,\" she "
                      "said."),
            (Quotes{{"Jennifer Grant", "Ever since last "}}));
  // An institution's name over "of" after the verb; a relative clause between the name and
  // "told"; a name inside a quotation is not "he".
  EXPECT_EQ(quotes_of("\"That basically indicates the virus is present,\" said state Department of Public Health "
                      "spokesperson Roseanne Pawelec."),
            (Quotes{{"Roseanne Pawelec", "That basically i"}}));
  EXPECT_EQ(quotes_of("\"I cannot give my client a dictionary,\" a third lawyer, Bruce McIntyre, who represents Wadih "
                      "el Hage, told the judge."),
            (Quotes{{"Bruce McIntyre", "I cannot give my"}}));
  EXPECT_EQ(quotes_of("\"The AIDS virus made us aware,\" MacGregor said. \"The West Nile virus raises another "
                      "signal.\"\n\nHe said that explains why people do not fear the flu.\n\n\"We have lived "
                      "through many flu seasons,\" he said."),
            (Quotes{{"MacGregor", "The AIDS virus m"}, {"MacGregor", "The West Nile vi"}, {"", "We have lived th"}}));
  // A possessive's description is whose, not who; a role after it is the speaker.
  EXPECT_EQ(quotes_of("Maloney's Republican opponent, state Sen. Mark Nielsen, has called on Clinton to resign. \"The "
                      "Congress can't turn a blind eye,\" he said."),
            (Quotes{{"Mark Nielsen", "The Congress can"}}));
  // "the WHO" is no "who"; "they" after "the experts noted" are the experts.
  EXPECT_EQ(quotes_of("In a statement, the WHO said the initiative will be phased in. \"The ultimate goal is that "
                      "malaria will not be a major cause of death,\" said the statement."),
            (Quotes{{"WHO", "The ultimate goa"}}));
  EXPECT_EQ(quotes_of("Drug resistance is leaving populations with no effective drug, the experts noted.\n\n\"Malaria "
                      "is thus much more lethal in 1998 than in 1968,\" they claimed."),
            (Quotes{{"experts", "Malaria is thus "}}));
  // An institution before a place speaks, not the agency that reports it.
  EXPECT_EQ(quotes_of("Aid has been slow, and the United Nations High Commissioner for Refugees in Moscow said the "
                      "convoy was delayed due to \"the very slow distribution of aid,\" the Interfax news agency "
                      "reported."),
            (Quotes{{"United Nations High Commissioner for Refugees", "the very slow di"}}));
  // "X said," set off by commas reports the rest of the sentence.
  EXPECT_EQ(quotes_of("Daniel Southerland spoke on Monday. In the March interview, Southerland said, journalists called "
                      "Zhang to verify reports and \"he didn't say anything that wasn't widely known.\""),
            (Quotes{{"Daniel Southerland", "he didn't say an"}}));
  // A posting's writer named after it.
  EXPECT_EQ(quotes_of("\"I don't really know what to write,\" said one posting, by a woman named Mette, who lost her "
                      "father in the crash."),
            (Quotes{{"Mette", "I don't really k"}}));
  // "sobbed" is speech; the clause after the speaker ("as she turned away") is not.
  EXPECT_EQ(quotes_of("\"Why wasn't I there?\" sobbed a young woman as she turned away from the bouquets."),
            (Quotes{{"young woman", "Why wasn't I the"}}));
  // "pronounced" is speech; "the Libyan leader" its speaker.
  EXPECT_EQ(quotes_of("Within days, the Libyan leader pronounced that \"the Arab world is finished,\" and the map was "
                      "removed."),
            (Quotes{{"Libyan leader", "the Arab world i"}}));
}

}  // namespace
}  // namespace chorus
