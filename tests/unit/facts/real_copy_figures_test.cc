// Figures on real wire copy (issue 12): the classes of error found there, each as a
// sentence written for the test. Counts, their kinds, places and what is background.
#include <gtest/gtest.h>

#include <algorithm>

#include "chorus/brief.h"
#include "chorus/facts.h"
#include "real_copy_util.h"

namespace chorus {
namespace {

using test::real_copy::article;
using test::real_copy::figure;

// "kind value" of every figure mention of a text, in order.
std::string figures(const std::string& body) {
  std::string out;
  for (const FigureMention& m : find_figures(article(body))) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "%s%s %g", out.empty() ? "" : "; ", std::string(figure_kind_name(m.kind)).c_str(), m.value);
    out += buf;
  }
  return out;
}

struct FigureCase {
  const char* text;
  const char* want;
};

TEST(RealCopyFiguresTest, FalseFiguresOfThisKindAreNotFound) {
  const FigureCase cases[] = {
      // what the counted did, not what befell them; a reported clause's own subject
      {"The two typhoons that hit the country have also hurt coconut crops.", ""},
      {"One posting, by a woman named Mette, said her father died in the crash.", ""},
      // another event's numbers in background
      {"It was the deadliest crash since 1994, when 31 people died near Lyon.", ""},
      {"In 1978, 20 people died in a fire at a hotel in the town of Boraas.", ""},
      {"An attack at the market 16 months ago killed the two bombers and 16 others.", ""},
      // the kind comes from the number's own clause
      {"Later the number of injured was cut to 140.", "injured 140"},
      {"By Sunday 35 were discharged from hospital.", ""},
      {"Six survivors were hauled aboard the lifeboat.", "rescued 6"},
      // pronouns, ages and dates
      {"She was one of six pulled out of the rubble.", ""},
      {"Police said one other died later in hospital.", ""},
      {"A 3-year-old girl was among the injured.", "age 3"},
      {"Police are still looking for suspects in the Jan. 9 attack.", ""},
      // numbers inside quotations are what someone said
      {"He vowed to \"exert 100 percent effort\" to find them.", ""},
      {"\"We saw 40 people dead in the street,\" said Ali Hassan.", ""},
      // subgroups are detail
      {"The blast killed 140 people, including 9 Germans.", "dead 140"},
      {"The bombs killed 224 people, including 12 Americans, and injured an estimated 5,000.", "dead 224; injured 5000"},
      // ratios count no one
      {"Youngsters are 99 times more likely to be shot and killed on the street than in school.", ""},
      {"Children are killed in gun accidents at 23 times the rate they are killed in schools.", ""},
      // executions are deaths; a count joined to a killing's first object is killed too
      {"Soldiers executed as many as 50 people this month in the province.", "dead 50"},
      {"He was told that 42 people had been executed and more than 40 wounded.", "dead 42; injured 40"},
      {"The group accused the military of executing 50 East Timorese and arresting 30 others.", "dead 50; arrested 30"},
      {"Troops attacked a village, arresting and later killing the chief and four other people.", "dead 4"},
      {"Three people were killed and 18 others injured in a bus explosion on Friday.", "dead 3; injured 18"},
      // the gangs are not counted (the leaders' five, past them, is not read yet)
      {"Five leaders of three hooligan gangs have been executed in China.", ""},
      // a count that may come is none yet
      {"The number of refugees may eventually rise to 300,000, the Migration Service said.", ""},
      // soldiers lost are dead; defendants are charged; refugees fled
      {"Maskhadov said the Chechen side only lost 32 men in the fighting.", "dead 32"},
      {"The trial of Cheung and 35 other defendants opened on Tuesday in Guangzhou.", "charged 35"},
      {"About 5,000 refugees crossed the border on Monday.", "evacuated 5000"},
      // "shot": wounded, unless fatally or to death
      {"In December, a 13-year-old boy shot four students outside the middle school.", "age 13; injured 4"},
      {"Two students fatally shot 12 students and a teacher before killing themselves.", "dead 12"},
      {"Two students shot 12 students and a teacher to death, before killing themselves.", "dead 12"},
  };
  for (const FigureCase& c : cases) EXPECT_EQ(figures(c.text), c.want) << c.text;
}

TEST(RealCopyFiguresTest, MissedVocabularyIsRead) {
  const FigureCase cases[] = {
      {"Rescuers lifted 12 people to safety from the roof.", "rescued 12"},
      {"Coastguards pulled 14 passengers from the water.", "rescued 14"},
      {"Helicopters airlifted 30 people from the flooded villages.", "rescued 30"},
      {"Doctors said 57 were in intensive care.", "critical 57"},
      {"The storm left 20,000 people homeless.", "homeless 20000"},
      {"More than 320,000 people were forced out of their homes.", "evacuated 320000"},
      {"About 15,700 people were removed from low-lying areas.", "evacuated 15700"},
      {"Three men were charged with murder on Tuesday.", "charged 3"},
      {"A federal grand jury indicted four men.", "charged 4"},
      {"Police detained 11 suspects overnight.", "arrested 11"},
      {"The damage was put at dlrs 12 million.", "money 1.2e+07"},
      {"The government pledged 700 million yuan in aid.", "money 7e+08"},
      {"The fund holds 5 million euros.", "money 5e+06"},
      {"Half a dozen people were injured.", "injured 6"},
      {"About 1,500 people were killed in the quake.", "dead 1500"},
      {"More than 1,200 were injured.", "injured 1200"},
      {"The bodies of four kidnapped foreigners were found on Tuesday.", "dead 4"},
      {"Some 3,600 people, mostly civilians, have been killed.", "dead 3600"},
      {"Malaria kills about a million people a year.", "dead 1e+06"},
      {"There are 2 million to 3 million deaths from the disease each year.", "dead 2e+06; dead 3e+06"},
      {"The army acted after the shooting deaths of two settlers.", "dead 2"},
      // animals are no casualties
      {"Residents had collected 200 dead birds for testing in the past week.", ""},
      {"More than 2,000 Kenyans and 7,500 animals have been displaced by the floods.", "homeless 2000"},
      {"The storm killed 500 head of cattle.", ""},
      // a model's number, a plane's age and a time into a flight count nothing
      {"All 217 people aboard the Boeing 767-300 died about 30 minutes out of Kennedy Airport.",
       "on board 217; dead 217"},
      {"Investigators studied what happened on board the 10-year-old airplane.", ""},
      // rounded up is arrested; a duty is no charge
      {"The police rounded up more than 100 leaders of the sect.", "arrested 100"},
      {"Some 730,000 of the armed police are charged with maintaining public order.", ""},
      // percentage points; a poll's margin of error is none
      {"She lagged behind Fitzgerald by 10 percentage points in the poll.", "percent 10"},
      {"The poll had a margin of error of plus or minus two percentage points.", ""},
      // currencies; a range's first end has the second's multiplier
      {"The Knesset agreed to allot 20 million shekels (5 million U.S. dollars) for settlements.",
       "money 2e+07; money 5e+06"},
      {"An estimated 1.5 to 2.7 million deaths occur due to malaria in the region.", "dead 1.5e+06; dead 2.7e+06"},
      // halves written out; a delay is how long
      {"A dispute about procedures delayed take-off for three-and-a-half hours.", "duration 3.5"},
      {"They had spent two and a half months in separate training camps.", "duration 2.5"},
      {"Returning passengers were delayed two hours at the terminal.", "duration 2"},
      // the age of a thing that lasts is how long it has gone on; a deadline is a duration
      {"The rebels have waged a 14-year-old Kurdish insurgency in the southeast.", "duration 14"},
      {"A three-week-old crisis between Turkey and Syria eased on Tuesday.", "duration 3"},
      {"Voters showed their confidence in the 19-year-old Islamic regime.", ""},
      {"Straw must decide within 40 days whether to extradite him.", "duration 40"},
      {"Fire trucks were on the scene within five minutes of getting the alarm.", ""},
      {"Thousands were made homeless in seven months of fighting.", "duration 7"},
      // "of" before a qualifier; institutions' charges; a massacre
      {"The court charged him with crimes involving the deaths of more than 4,000 people.", "dead 4000"},
      {"Soon, he brought charges against 110 former and active military officers.", "charged 110"},
      {"Russian official figures put total federal losses at more than 2,300 since August.", "dead 2300"},
      {"In the combat actions in Chechnya that began on October 1, 1999, the federal force have registered 2,240 "
       "people killed and 6,372 wounded.",
       "dead 2240; injured 6372"},
      {"The massacre of 18 members of an Albanian family shocked the village.", "dead 18"},
      // put on trial is charged; "or" ends the noun ("or the many others who were detained")
      {"Beijing defended its decision to try three of the country's democracy activists on criminal charges.",
       "charged 3"},
      {"No one knows what will happen to the three men being tried or the many other members who have been detained.",
       "charged 3"},
      {"One leader of the party will be tried on Dec. 17 on a charge of subversion.", ""},
      // a part and its whole: the whole counts where its own word says what befell it
      {"Police were told that one of the 162 injured claimed to know who set the fire.", "injured 162"},
      {"About 65 of the young people died and more than 190 were seriously injured.", "dead 65; injured 190"},
      {"Five of the 20 injured remain in hospital.", "in hospital 5; injured 20"},
      // a list after "including" is a part only of a whole counted or named before it
      {"It came after several attacks, including the shooting deaths of two settlers.", "dead 2"},
      {"The fatalities included 71 people who died in landslides.", ""},
      {"They were found delinquent in the five killings.", "dead 5"},
      {"Malaria alone claims 2 million people in Africa annually.", "dead 2e+06"},
      {"A Bosnian Serb pleaded guilty to 14 murders.", "dead 14"},
      {"About 4,500 people living on the bank of the river were also evacuated.", "evacuated 4500"},
      {"Estrada ordered at least 10,000 people living along swollen creeks out of their homes.", "evacuated 10000"},
      {"Some 20,000 people had sought refuge there by Saturday.", "evacuated 20000"},
      {"All 229 passengers and crew aboard Flight 111 from New York to Geneva were killed.", "on board 229; dead 229"},
      {"The rebels have fought since 1984 in a war that has claimed 37,000 lives.", "dead 37000"},
      {"The storm forced 10,000 people to flee.", "evacuated 10000"},
      {"The floods claimed the lives of 40 people.", "dead 40"},
      {"Nine people were treated for smoke inhalation.", "in hospital 9"},
      {"Rescuers recovered 17 bodies from the rubble.", "dead 17"},
      {"Losses reached 3 million Kenya shillings.", "money 3e+06"},
      {"Divers pulled 14 survivors from the water.", "rescued 14"},
      {"The plane had 89 passengers and 11 crew members aboard.", "on board 89; on board 11"},
      {"Two soldiers and three civilians were killed.", "dead 2; dead 3"},
      // a revision is no range
      {"Police revised the death toll from 48 to 44.", "dead 44"},
  };
  for (const FigureCase& c : cases) EXPECT_EQ(figures(c.text), c.want) << c.text;
}

TEST(RealCopyFiguresTest, DurationsAndAgesAsWireCopyWritesThem) {
  const FigureCase cases[] = {
      {"The protesters blocked streets for 2 1/2 hours before officials agreed.", "duration 2.5"},
      {"Spitzer seized on the shooting again and again during their half-hour debate.", "duration 0.5"},
      {"Two hours before the crash, the pilot called.", ""},
      {"He said it would take four or five days before he names a premier.", "duration 4; duration 5"},
      {"It is a crime that commands sentences of three years to life.", "duration 3"},
      {"His sentence should not be longer than five years.", "duration 5"},
      {"Fourteen months passed before his wife learned of his fate.", "duration 14"},
      {"Parliament toppled Yilmaz's 17-month-old government on Wednesday.", "duration 17"},
      {"They finished the report in less than three weeks.", ""},
      {"The project will take two to three years.", "duration 2; duration 3"},
      {"He died at the age of 52.", "age 52"},
      {"Lawrence, who was 18, was stabbed at a bus stop.", "age 18"},
      {"The former dictator, now 82, is recovering.", "age 82"},
      {"At 82, Pinochet remains a senator for life.", "age 82"},
      {"Aaron McKinney and Russell Henderson, both 21, were charged.", "age 21"},
      {"He was 18 when he was killed.", ""},
      {"The doctor, 52, of Amherst, was shot.", "age 52"},
      // Ages as feature copy gives them; thresholds are no one's age.
      {"At age 11, he cut another pupil's ear.", "age 11"},
      {"By the age of 9, he knew the book by heart.", "age 9"},
      {"He died at 62 in 1960 while under house arrest.", "age 62"},
      {"The guard died at 3 a.m. on Sunday.", ""},
      {"Citing her age, she turned 19 earlier this year.", "age 19"},
      {"Charest, at 40, is 19 years younger than the premier.", "age 40"},
      {"He wrote to his brother Omar, then 24, in 1991.", "age 24"},
      {"Coaches Peter Brandt, 48; Karl Weiss, 40 and Klaus Lenz, 55, said they knew nothing.",
       "age 48; age 40; age 55"},
      {"He must stay on probation until age 21.", ""},
      // Sentences one could get or was given.
      {"Although they could get up to three years in prison, they expect suspended sentences.", "duration 3"},
      {"Ewald was sentenced to 22 months probation; Hoeppner was given 18 months.", "duration 22; duration 18"},
      {"They faced a maximum of two years.", "duration 2"},
      {"A child, 3-year old Rachel Aldrich of Clifton Park, died of the illness.", "age 3"},
  };
  for (const FigureCase& c : cases) EXPECT_EQ(figures(c.text), c.want) << c.text;
}

TEST(RealCopyFiguresTest, RevisionsAreReadFromTheirWording) {
  for (const char* text : {"Police revised the death toll from 48 to 44.", "The death toll was lowered from 48 to 44.",
                           "Officials dropped the death toll from 48 to 44 on Monday.",
                           "The death toll was raised from 40 to 44 after more bodies were found."}) {
    Facts facts = extract_facts({article(text)});
    const Figure* dead = figure(facts, FigureKind::kDead);
    ASSERT_NE(dead, nullptr) << text;
    EXPECT_EQ(dead->value, 44) << text;
    EXPECT_EQ(dead->status, FigureStatus::kRevised) << text;
  }
  Facts facts = extract_facts({article("Police had first put the toll at 12. The death toll now stands at 15.")});
  const Figure* dead = figure(facts, FigureKind::kDead);
  ASSERT_NE(dead, nullptr);
  EXPECT_EQ(dead->value, 15);
  EXPECT_EQ(dead->status, FigureStatus::kRevised);
  EXPECT_EQ(dead->previous, 12);
}

// "kind in place value" of every casualty mention of a text that names a place.
std::string places(const std::string& body) {
  std::string out;
  for (const FigureMention& m : find_figures(article(body))) {
    if (m.place.empty()) continue;
    out += (out.empty() ? "" : "; ") + std::string(figure_kind_name(m.kind)) + " in " + m.place + " " +
           std::to_string(static_cast<long>(m.value)) + (m.subject.empty() ? "" : " of " + m.subject);
  }
  return out;
}

// "kind (subject)" of every mention of a text.
std::string subjects(const std::string& body) {
  std::string out;
  for (const FigureMention& m : find_figures(article(body))) {
    out += (out.empty() ? "" : "; ") + std::string(figure_kind_name(m.kind)) + " (" + m.subject + ")";
  }
  return out;
}

TEST(RealCopyFiguresTest, SubjectsStopWhereTheNounEnds) {
  const FigureCase cases[] = {
      {"At least 12 people lost their lives in the blaze.", "dead ()"},
      {"Police took eight people into custody.", "arrested ()"},
      {"Sixty percent of the voters stayed home.", "percent (voters)"},
      {"The inflation rate rose to 8.5 percent.", "percent (rate)"},
      {"Prices rose 12 percent last year.", "percent (prices)"},
      {"Slepian, a 51-year-old obstetrician, was shot at home.", "age (Slepian)"},
      {"A 45-year-old state senator resigned.", "age (senator)"},
  };
  for (const FigureCase& c : cases) EXPECT_EQ(subjects(c.text), c.want) << c.text;
}

TEST(RealCopyFiguresTest, PlacesOfPartsAsWireCopyWritesThem) {
  const FigureCase cases[] = {
      // a qualifier between the opening place and the count
      {"The cold killed at least 62 people across Europe. In Romania, at least 21 people died.", "dead in Romania 21"},
      // two places counted together
      {"The cold killed at least 62 people. It played a role in at least 24 deaths in Romania and Bulgaria.",
       "dead in Romania and Bulgaria 24"},
      // the name after a description of the place
      {"Russia has detained more than 200 people. About 50 persons have been detained in the breakaway republic of "
       "Chechnya.",
       "arrested in Chechnya 50"},
      // "other" people are people in general
      {"The storm killed 129 people. Thirty other people died in landslides in nearby Camarines Sur province.",
       "dead in Camarines Sur 30"},
      // "the province" is the one the article last named
      {"The typhoon stalled over Catanduanes for 12 hours. The storm killed 129 people. "
       "At least 69 people from the province died.",
       "dead in Catanduanes 69"},
  };
  for (const FigureCase& c : cases) EXPECT_EQ(places(c.text), c.want) << c.text;
}

TEST(RealCopyFiguresTest, APastYearOfTheStorysOwnEventIsNoBackground) {
  // A follow-up a year on: the crash the article opens with is its event, whatever its year.
  Document d = article("EgyptAir investigators met in Cairo on Saturday.\n\nEgyptAir Flight 990 crashed into the "
                       "Atlantic on October 31, 1999, on its way to Cairo, killing 217 people on board.\n\nThe crash "
                       "was the deadliest since 1994, when 31 people died near Lyon.",
                       "2000-08-12");
  std::string found;
  for (const FigureMention& m : find_figures(d)) {
    found += (found.empty() ? "" : "; ") + std::string(figure_kind_name(m.kind)) + " " + std::to_string(int(m.value));
  }
  EXPECT_EQ(found, "dead 217; on board 217");
}

TEST(RealCopyFiguresTest, ASentenceThatPointsBackAtAnEarlierEventIsBackground) {
  // Another storm than the one the article names most is background.
  EXPECT_EQ(figures("Typhoon Babs killed 82 people on Friday. Typhoon Babs then moved north. Last week, Super "
                    "Typhoon Zeb killed at least 74 people in the northern Philippines."),
            "dead 82");
  EXPECT_EQ(figures("The last major typhoon struck in October 1970. That typhoon left 2,361 dead."), "");
  EXPECT_EQ(figures("Wiring has been under scrutiny since the explosion of TWA Flight 800 on July 17, 1996. The "
                    "crash, which killed 230 people, led to the discovery of wiring problems."),
            "");
  // Without the earlier year, "that" is this event's.
  EXPECT_EQ(figures("The typhoon struck on Friday. That storm left 61 dead."), "dead 61");
}

TEST(RealCopyFiguresTest, WebNewsMoneyAndTolls) {
  const FigureCase cases[] = {
      {"China has promised 60.5 million USD, after Japan and the U.S.", "money 6.05e+07"},
      {"Romanians have raised 15 billion lei for the victims.", "money 1.5e+10"},
      {"A week later the confirmed death count is over 120,000.", "dead 120000"},
      // People come whole: a weight beside "killed" counts no one.
      {"A 1.4 tonne steel plaque with the names of the people killed was unveiled.", ""},
  };
  for (const FigureCase& c : cases) EXPECT_EQ(figures(c.text), c.want) << c.text;
}

TEST(RealCopyFiguresTest, HomesExecutionsRangesAndPounds) {
  const FigureCase cases[] = {
      {"The United Nations estimates that between 800,000 and 1 million people have lost their homes.",
       "homeless 800000; homeless 1e+06"},
      {"About 20,000 people fled their homes before the storm.", "evacuated 20000"},
      {"Texas, which executed 104 people during the study period, led the country.", "dead 104"},
      {"The army acted after the shooting deaths of two settlers outside Itzhar.", "dead 2"},
      {"In Britain, Malarone costs (PS)2 a pill.", "money 2"},
      {"Four or five people were killed.", "dead 4; dead 5"},
      {"15 Royal Navy sailors were captured at gunpoint by Iranian guards.", "arrested 15"},
      {"Iran said that at least one soldier, 26 year-old Faye Turney, would be freed.", "age 26"},
      {"Two tanks were captured near the border.", ""},
      {"Piccard and Jones, who made their journey over 19 days in March, beamed.", "duration 19"},
      {"The judge gave it 90 days to make its software compatible.", "duration 90"},
      {"IBM believed it paid $5 to $15 more for each copy of Windows.", "money 5; money 15"},
      {"Tourists flock to the 5,000-year-old Pyramids.", ""},
      {"They come into her court by the dozens. Some are as young as 11.", "age 11"},
      {"The connection was so poor it took as long as 40 minutes to find a Web site.", "duration 40"},
      {"The 19 states pressing the suit contended that Microsoft had hurt consumers.", ""},
      {"A settlement will most likely happen in the next two months or not at all.", ""},
      {"Gingrich, 56, was separated from his wife of 18 years on May 10.", "age 56; duration 18"},
      {"Matt Towery has known both Gingriches for two decades.", "duration 2"},
      {"The top fine for smoking at work would be 200 rand.", "money 200"},
      {"They impose fines of 2,000-20,000 baht for smoking in offices.", "money 2000; money 20000"},
      {"Smokers risk a small fine, perhaps 5 to 10 yuan.", "money 5; money 10"},
      {"Violators dare to face a 10 million turkish lira fine.", "money 1e+07"},
      {"A court sentenced a boy to two years in juvenile detention.", "duration 2"},
      {"Gingrich asked a judge to give his wife Marianne 14 days to transfer the money.", "duration 14"},
      {"The motion accuses her of waiting 20 days to begin transferring the assets.", "duration 20"},
      {"Children ages 4 to 8 should be secured in booster seats.", ""},
      {"Crashes are the leading cause of death for children older than age 5.", ""},
      {"The average car is about 9 years old, however.", ""},
      // Lives saved, injuries to prevent, an expected share: nothing that happened.
      {"If seat belt use were universal, that could save 1,300 lives a year, he said.", ""},
      {"The coalition predicts the enforcement will prevent nearly 2,900 serious injuries per year.", ""},
      {"The number of drivers increases an expected 22 percent by 2005.", ""},
      {"The 25 mph standard will be phased in over three years.", "duration 3"},
      {"Although an estimated 400 people, most aged 13 to 18, were at the dance, it burned.", "age 13; age 18"},
      {"Liu was imprisoned three times in the past 17 years.", "duration 17"},
      {"The suit pushed the share price down from its 52-week high.", ""},
      {"Republicans pushed a $1.74 trillion budget, and Hatch pressed for a $5 million-a-year fund.",
       "money 1.74e+12; money 5e+06"},
      // "executed" a plan counts no one.
      {"The company executed 104 trades in an hour.", ""},
  };
  for (const FigureCase& c : cases) EXPECT_EQ(figures(c.text), c.want) << c.text;
}

}  // namespace
}  // namespace chorus
