// The question rules and tag banks that ship with kith (SPEC §5): data only, no logic.
//
// Every pattern is an ECMAScript regular expression matched case-insensitively against one
// line of a note, so a capture cannot tell "Emma" from "emma": names and places are anchored
// by the words around them ("daughter Emma just got into …") and refused when they are a
// common word (the KQ_STOP list), and open-ended names must be followed by punctuation or a
// word that usually follows a name (KQ_FOLLOW). Captures keep the note's own spelling.
// Templates speak to the person about them: "his mother" in a note becomes "your mother".
//
// Age windows (today minus the note's date) keep questions in season: "How was Japan?" only
// once the trip is likely over, "Is Emma graduating soon?" only 3½–5 years after she got in.
#include "kith/questions.h"

namespace kith {

namespace {

constexpr auto days = Interval::Unit::days;
constexpr auto weeks = Interval::Unit::weeks;
constexpr auto months = Interval::Unit::months;
constexpr auto years = Interval::Unit::years;

// ---- pattern fragments (string-literal concatenation only) ----------------------------

// The end of a word, by taking the character after it (or the end of the text); UTF-8 bytes
// count as letters so "Zoë" and "São" are whole words. (A consuming class rather than a
// lookahead: std::regex runs each lookahead as a separate match, which costs.)
#define KQ_END R"re((?:[^\w\x80-\xff'&-]|$))re"

// Words that are never a name or the start of a place/company: function words, time words,
// relations and the verbs that follow a relation in a sentence ("his daughter just got …").
#define KQ_STOP                                                                                \
    R"re((?:)re" \
    R"re(a(?:lthough|lready|nother|nybody|ction|lways|nyone|round|bout|fter|gain|lso|way|go|ll|nd|ny|re|m|n|s|t)?|)re" \
    R"re(b(?:oyfriend|reakfast|ecause|rother|efore|igger|eing|aby|ack|een|oth|ed|ig|ut|e|y)|)re" \
    R"re(c(?:hildren|alled|hild|ould|ourt|an|at)|)re" \
    R"re(d(?:epartment|aughters|ifferent|aughter|ivision|esign|inner|uring|oing|ied|oes|own|ad|id|og|o)|)re" \
    R"re(e(?:ngineering|ventually|xpecting|veryone|ngaged|ither|ldest|arly|very|ach|ven|ver)|)re" \
    R"re(f(?:ull-time|inally|inance|amily|ather|irst|rom|or)|)re" \
    R"re(g(?:irlfriend|raduating|raduated|etting|oing|ets|oes|et|ot|ym)|)re" \
    R"re(h(?:oneymoon|opefully|olidays|oliday|usband|aving|ave|ere|ers|ome|ad|as|er|im|is|ow|e)|)re" \
    R"re(i(?:nto|ts|f|n|s|t)?|j(?:ust|ob)|k(?:itten|ids|id)|)re" \
    R"re(l(?:arger|ittle|iving|ater|eave|egal|ives|oved|oves|unch|ast|ate|eft|ike)|)re" \
    R"re(m(?:anagement|arketing|arried|onths|other|oving|onth|oved|ore|ost|uch|ust|om|um|y)|)re" \
    R"re(n(?:obody|amed|eeds|ever|ear|ext|ew|ot|ow|o)|)re" \
    R"re(o(?:perations|ffice|ldest|lder|ther|nce|nly|nto|ver|ff|ld|ne|ur|ut|wn|f|n|r)|)re" \
    R"re(p(?:ermanently|art-time|osition|ossibly|regnant|robably|arents|artner|roduct|assed|lays|uppy)|)re" \
    R"re(r(?:ecently|emote|ole|uns)|)re" \
    R"re(s(?:abbatical|omebody|tarting|tudying|hortly|maller|omeone|tarted|tudies|econd|hould|ister|tarts|ales|ince|till|ame|ome|ons|oon|uch|he|on|o)|)re" \
    R"re(t(?:emporarily|omorrow|eaches|hrough|onight|hough|urned|ears|heir|here|hese|hird|hose|oday|urns|wins|eam|han|hat|hem|hen|hey|his|own|rip|he|oo|wo|o)|)re" \
    R"re(u(?:nder|ntil|p|s)|v(?:acation|ery)|)re" \
    R"re(w(?:eekend|ithout|orking|ants|eeks|here|hich|hile|hose|orks|ould|eek|ell|ent|ere|hat|hen|ife|ill|ith|ork|as|ho|hy|e)|)re" \
    R"re(y(?:esterday|oungest|ounger|ears|oung|ear|our|et|ou)))re"

// A first name (one word; no apostrophe, so "Emma's" is not a name).
#define KQ_NAME_WORD "(?!" KQ_STOP KQ_END R"re()[a-z\x80-\xff][\w\x80-\xff-]*)re"
#define KQ_NAME "(" KQ_NAME_WORD ")"

// What may follow an open-ended name: punctuation, the end, or a word that follows names.
#define KQ_FOLLOW                                                                            \
    R"re((?=\s*[,.;:!?()\[]|\s*$|\s*[-–—]|\s+(?:(?:and|is|was|has|had|just|who|on|in|at|)re" \
    R"re(last|this|yesterday|today|recently|finally|now|will|got|gets|turned|turns|started|)re" \
    R"re(starts|graduated|works|worked|lives|loves|went|left|from|for|with|born|arrived|came|)re" \
    R"re(weighing|&))re" KQ_END R"re(|\d)))re"

// One word of a proper noun (place, school, company), not a common word.
#define KQ_WORD "(?!" KQ_STOP KQ_END R"re()[a-z\x80-\xff][\w\x80-\xff'&-]*)re"
// Words joined by spaces and the small words of place names ("University of Michigan",
// "Rio de Janeiro", "Newcastle upon Tyne"). The space between words is required: were two
// words allowed to touch, a failing match would try every way of splitting a long word.
#define KQ_PROPER \
    KQ_WORD R"re((?: (?:(?:of|de|del|da|do|dos|das|di|la|le|am|upon|sur|y) )?)re" KQ_WORD ")*"
// A place, school or company, with "the" when the note has it ("the Netherlands").
#define KQ_PLACE R"re(((?:st\. |mt\. |ft\. |the )?)re" KQ_PROPER ")" KQ_END
// After a place: not "as" next, even past more words of the place ("moved to Berlin as a
// kid" is no recent move; backtracking to a shorter place must not get round it).
#define KQ_NOT_BEFORE_AS \
    R"re((?!(?:(?:(?:of|de|del|da|do|dos|das|di|la|le|am|upon|sur|y) )?)re" KQ_WORD R"re( )*as\b))re"
// A travel destination: no "the" except the places that take one ("the gym" is no trip).
#define KQ_TRIP_PLACE                                                                               \
    R"re(((?:st\. |mt\. )?)re" KQ_PROPER                                                            \
    R"re(|the (?:US|USA|UK|States|Netherlands|Philippines|Maldives|Alps|Bahamas|Caribbean|)re"      \
    R"re(Dolomites|Pyrenees|Rockies|Highlands|Scottish Highlands|Lake District|Peak District|)re"    \
    R"re(Balkans|Azores|Canaries|Canary Islands|Galapagos|Seychelles|Middle East|Far East|)re"      \
    R"re(Amalfi Coast|Cotswolds|Hamptons|Florida Keys|Outer Banks|South of France|Riviera|)re"      \
    R"re(French Riviera|Arctic|Antarctic|Himalayas|Andes|Camino|Grand Canyon|Cayman Islands|)re"    \
    R"re(Virgin Islands|Greek islands|Baltics|Emirates|UAE|Bay Area|west coast|east coast|coast|)re" \
    R"re(mountains|seaside|beach|lakes|countryside|islands)))re" KQ_END

// Words that say a trip is still far off ("in October", "next summer").
#define KQ_LATER                                                                               \
    R"re(\b(?:next (?:month|year|spring|summer|autumn|fall|winter)|this (?:spring|summer|)re"  \
    R"re(autumn|fall|winter)|later this year|planning|plans|hoping|dreaming|someday|one day|)re" \
    R"re(in (?:january|february|march|april|may|june|july|august|september|october|november|)re" \
    R"re(december|the spring|the summer|the autumn|the fall|the winter))\b)re"

// The words before a degree or school in "got into …", "was accepted at …".
#define KQ_ADMITTED                                                                          \
    R"re((?: (?:has|had|have|just|finally|recently|officially|now|is|was|will))* (?:got )re" \
    R"re((?:in(?:to| at))|gotten into|been accepted (?:at|to|into|by)|accepted (?:at|to|into|by)|)re" \
    R"re(admitted (?:to|at|into)|(?:got|been offered|offered|won) a place at))re"
// … and the words for starting there.
#define KQ_STARTING                                                                         \
    R"re((?: (?:has|had|have|just|finally|recently|now|is|was|will))* (?:start(?:s|ed|ing)? )re" \
    R"re(at|began at|begins at|heading (?:off )?to|off to|going off to))re"

// A relation whose illness or loss a friend asks about.
#define KQ_ELDER                                                                                  \
    R"re((mother|mum|mom|father|dad|mother-in-law|father-in-law|mum-in-law|mom-in-law|)re"        \
    R"re(stepmother|stepfather|stepmom|stepmum|stepdad|grandmother|grandfather|grandma|grandpa|)re" \
    R"re(granny|gran|nan|nana))re"

#define KQ_SCHOOL                                                                           \
    R"re((kindergarten|nursery|preschool|pre-school|daycare|day care|school|primary school|)re" \
    R"re(secondary school|high school|middle school|big school|first grade|reception|year one))re"

#define KQ_TEAM_WORD KQ_NOT_TEAM R"re([a-z\d\x80-\xff][\w\x80-\xff.&'-]*)re"
// Things people are fans of that are not teams.
#define KQ_NOT_TEAM                                                                               \
    R"re((?!(?:sports?|football|soccer|baseball|basketball|hockey|tennis|golf|cricket|rugby|f1|)re" \
    R"re(formula|nfl|nba|mlb|nhl|motorsports?|racing|cycling|boxing|wrestling|mma|ufc|jazz|)re"    \
    R"re(music|classical|opera|rock|metal|punk|country|hip-hop|rap|musicals?|theatre|theater|)re"  \
    R"re(ballet|films?|movies?|cinema|horror|sci-fi|anime|manga|comics?|marvel|star|harry|)re"     \
    R"re(tolkien|books?|podcasts?|tv|coffee|tea|wine|beer|whisky|whiskey|food|cooking|baking|)re"  \
    R"re(cats?|dogs?|horses?|cars?|trains?|beatles|taylor|his|her|their|my|your|our|its|this|)re"  \
    R"re(that|these|those|a|an|the|of|big|huge|he|she|they|it|i|we|you|is|are|was|were|be|been|)re"  \
    R"re(new(?! york| england| orleans| jersey| zealand| mexico| south wales)|old|another|second|)re"  \
    R"re(first|ceiling|desk|portable|electric|extractor|little|small|)re"  \
    R"re(has|had|have|not|also|and|or|but|as|to|in|on|at|for|with|very|so|such|just|still)re"     \
    R"re()(?![\w\x80-\xff'-])))re"
#define KQ_FAN_ANCHOR                                                                            \
    R"re((?:\b(?:(?:an?|huge|big|massive|die-?hard|diehard|lifelong|life-long|long-?time|)re"  \
    R"re(avid|loyal|passionate|rabid|mad|crazy|obsessive|total|serious|true|keen|fanatical|)re" \
    R"re(devoted|proper|real(?! madrid| sociedad| betis| salt lake))\s+)+|^\s*))re"
#define KQ_FAN R"re(\s+(?:fan|supporter|fanatic|season[- ]ticket holder)s?\b)re"

#define KQ_HOBBY                                                                                   \
    R"re((sailing|running|trail running|climbing|rock climbing|bouldering|cycling|mountain biking|)re" \
    R"re(swimming|open water swimming|surfing|kitesurfing|windsurfing|skiing|snowboarding|hiking|)re" \
    R"re(golf|tennis|padel|pickleball|squash|badminton|yoga|pilates|crossfit|weightlifting|)re"      \
    R"re(powerlifting|jiu-jitsu|bjj|karate|judo|fencing|rowing|kayaking|canoeing|paddleboarding|)re" \
    R"re(triathlons?|marathons?|dancing|salsa|tango|pottery|ceramics|painting|drawing|photography|)re" \
    R"re(woodworking|carpentry|knitting|sewing|quilting|gardening|baking|brewing|home brewing|)re"   \
    R"re(fishing|fly fishing|birdwatching|birding|beekeeping|chess|bridge|board games|astronomy|)re" \
    R"re(scuba diving|diving|skydiving|paragliding|horse riding|archery|ice skating|skating|)re"     \
    R"re(skateboarding|meditation|singing|choir|piano|guitar|violin|cello|drums|saxophone|)re"       \
    R"re(ukulele|poetry|calligraphy)\b)re"

#define KQ_SURGERY                                                                                  \
    R"re(\s+(?:(?:a|an|the|her|his|their|some|major|minor|emergency|keyhole|knee|hip|back|eye|)re"  \
    R"re(heart|shoulder|spine|spinal|foot|hand|wrist|ankle|cataract|cancer|brain|dental|jaw|)re"    \
    R"re(bunion|acl|gallbladder|hernia|open-heart|another|more|second|follow-up|big|small) )*)re"  \
    R"re((surgery|operation|op|knee replacement|hip replacement|procedure|transplant|chemo|)re"      \
    R"re(chemotherapy|radiotherapy|radiation therapy|biopsy|bypass)\b)re"

#define KQ_EXAM                                                                                    \
    R"re(\b(?:studying for|revising for|preparing for|cramming for|sitting|sits|taking|takes|has|)re" \
    R"re(have|had|with|writing|resitting|retaking) (?:the |his |her |their |a |an |)re" \
    R"re(some )?(?:final |big |upcoming |last |first |next )?((?:bar|final|driving|entrance|)re"    \
    R"re(medical|board|law|cfa|cpa|a[- ]level|gcse|ib|ap|state|licensing|qualifying|mock|oral|)re"  \
    R"re(written|university|school|math|maths|music|piano|language) exams?|exams?|finals|)re" \
    R"re(driving test|gmat|gre|lsat|mcat|sats?|a[- ]levels|gcses|boards|thesis defen[cs]e|viva|)re" \
    R"re(dissertation defen[cs]e|usmle|cfa level (?:i{1,3}|[123]))\b)re"

#define KQ_LAUNCH_OBJECT                                                                           \
    R"re( (?:(?:a|an|the|his|her|their|its|our|v\d+|version \d+) )?(?:(?:new|first|big|second|)re" \
    R"re(next|debut|latest|own|redesigned|updated) )*(app|product|site|website|book|album|record|)re" \
    R"re(ep|single|game|platform|feature|brand|store|online shop|podcast|course|collection|)re"     \
    R"re(campaign|beta|novel|film|movie|documentary|tool|service|range|show|exhibition|series|)re"  \
    R"re(newsletter|magazine|kickstarter|crowdfunder)\b)re"
#define KQ_LAUNCH_SOON                                                                             \
    R"re(\b(?:launch(?:ing|es)?|about to launch|getting ready to launch|preparing to launch|)re"    \
    R"re(releas(?:ing|es)|ship(?:ping|s)|publish(?:ing|es)|unveil(?:ing|s)|roll(?:ing|s) out|)re"   \
    R"re(debut(?:ing|s)|premier(?:ing|es)))re" KQ_LAUNCH_OBJECT

#define KQ_BUSINESS_KIND                                                                           \
    R"re((business|company|startup|start-up|shop|restaurant|cafe|café|bakery|practice|agency|)re"   \
    R"re(studio|consultancy|firm|bar|pub|brewery|winery|vineyard|gym|salon|clinic|store|boutique|)re" \
    R"re(podcast|newsletter|youtube channel|nonprofit|non-profit|charity|foundation|food truck|)re"  \
    R"re(bookshop|bookstore|hotel|b&b|farm)\b)re"

// The rules as text in place: a std::vector built from an initializer list of QuestionRules
// would hold every pattern twice while it copies them, 100 kB of heap that `due` pays for in
// page faults.
struct RuleText {
    std::string_view id, match, ask;
    std::optional<Interval> min_age, max_age;
};

constexpr RuleText rule_texts[] = {
    // ---- children and family -------------------------------------------------------
    {"college-first-year",
     R"re(\b(?:daughter|son|stepdaughter|stepson|kid|child|girl|boy|eldest|oldest|youngest)(?:,| named| called)? )re" KQ_NAME
     R"re(,?(?:)re" KQ_ADMITTED "|" KQ_STARTING R"re() )re" KQ_PLACE,
     "How is {1} finding {2}?", {}, Interval{1, years}},
    {"college-first-year-unnamed",
     R"re(\b(?:his|her|their) (daughter|son|stepdaughter|stepson|eldest|oldest|youngest|kid)(?:)re" KQ_ADMITTED
     "|" KQ_STARTING R"re() )re" KQ_PLACE,
     "How is your {1} finding {2}?", {}, Interval{1, years}},
    {"college-graduating",
     R"re(\b(?:daughter|son|stepdaughter|stepson|kid|child|girl|boy|eldest|oldest|youngest)(?:,| named| called)? )re" KQ_NAME
     ",?" KQ_ADMITTED " " KQ_PLACE,
     "Is {1} graduating soon?", Interval{42, months}, Interval{5, years}},
    {"college-graduating-unnamed",
     R"re(\b(?:his|her|their) (daughter|son|stepdaughter|stepson|eldest|oldest|youngest|kid))re" KQ_ADMITTED " " KQ_PLACE,
     "Is your {1} graduating soon?", Interval{42, months}, Interval{5, years}},
    {"school-start",
     R"re(\b(?:daughter|son|kid|child|girl|boy|eldest|oldest|youngest)(?:,| named| called)? )re" KQ_NAME
     R"re(,?(?: (?:has|had|have|just|finally|recently|now|is|was|will))* (?:start(?:s|ed|ing)?|began|begins|beginning|going (?:in)?to|off to) )re" KQ_SCHOOL
     R"re(\b)re",
     "How is {1} finding {2}?", {}, Interval{6, months}},
    {"school-start-unnamed",
     R"re(\b(?:his|her|their) (daughter|son|youngest|eldest|oldest|little one)(?: (?:has|had|just|finally|recently|now|is|was|will))* (?:start(?:s|ed|ing)?|began|begins|beginning|going (?:in)?to|off to) )re" KQ_SCHOOL
     R"re(\b)re",
     "How is your {1} finding {2}?", {}, Interval{6, months}},
    {"school-start-kids",
     R"re(\b(?:kids|children|twins|boys|girls)(?: (?:have|had|just|both|all|are|were|will|now))* (?:start(?:s|ed|ing)?|began|begin|beginning|going (?:back )?to|back at|back to) )re" KQ_SCHOOL
     R"re(\b)re",
     "How are the kids finding {1}?", {}, Interval{6, months}},
    {"baby-named",
     R"re(\b(?:had|having|welcomed|welcoming|new|newborn|gave birth to) (?:a |an |their |her |his )?(?:(?:first|second|third|new|healthy|little|beautiful) )*(?:baby (?:girl|boy|daughter|son)|baby|girl|boy|daughter|son)(?:,| named| called| -)? )re" KQ_NAME
     KQ_FOLLOW,
     "How is little {1} doing?", {}, Interval{1, years}},
    {"baby-born",
     R"re(\b(?:(?:had|welcomed|gave birth to) (?:a |an |their |her |his )?(?:(?:first|second|third|new|healthy|little|beautiful) )*(?:baby|babies|twins|little (?:girl|boy))|new (?:baby|born|dad|father|mum|mom|mother|parents?)|newborn|became (?:a )?(?:dad|father|mum|mom|mother|parents?)|(?:baby|twins) (?:was |were |has been |have been |finally )?born|gave birth)\b)re",
     "How are you all doing with the new baby?", {}, Interval{1, years}},
    {"baby-expecting",
     R"re(\b(?:pregnant|expecting (?:a baby|twins|a (?:little )?(?:boy|girl)|(?:their|her|his|a) (?:first|second|third|fourth)(?: baby| child)?|another (?:baby|child))|having a baby|baby (?:is )?due|due to give birth|baby on the way|(?:first|second|third) (?:baby|child) on the way)\b)re",
     "How is the pregnancy going?", {}, Interval{8, months}},
    {"grandchild",
     R"re(\b(?:became (?:a )?grand(?:father|mother|pa|ma|dad|mum|mom|parents?)|(?:first|new|second|third) grand(?:child|kid|son|daughter|baby)|grandchild (?:was |has been )?born)\b)re",
     "How is the new grandchild doing?", {}, Interval{1, years}},
    {"kids-named",
     R"re(\b(?:kids|children|sons|daughters|twins|boys|girls)(?:,|:| are| named| called| are called| are named)? )re" KQ_NAME
     R"re( (?:and|&) )re" KQ_NAME KQ_FOLLOW,
     "How are {1} and {2} doing?", {}, {}},

    // ---- partners, engagements, weddings --------------------------------------------
    {"partner-named",
     R"re(\b(?:wife|husband|partner|spouse|girlfriend|boyfriend|fiancée|fiancee|fiancé|fiance|other half)(?:,| named| called)? )re" KQ_NAME
     KQ_FOLLOW,
     "How is {1} doing?", {}, {}},
    {"partner-married-to",
     R"re(\b(?:married to|engaged to|dating|seeing|lives with (?:his|her|their) (?:partner|girlfriend|boyfriend),?) )re" KQ_NAME
     KQ_FOLLOW,
     "How is {1} doing?", {}, {}},
    {"engaged",
     R"re(\b(?:(?:got|get|gotten|getting|just|recently|finally|are|is|now|newly) engaged\b(?! (?:in|with|by)\b)|popped the question|proposed to)\b)re",
     "How are the wedding plans coming along?", {}, Interval{1, years}},
    {"wedding-planning",
     R"re(\b(?:getting married|(?:their|his|her) (?:wedding|big day) (?:is |in |on |next |this |planned )|planning (?:a |the |their |his |her )?wedding|tying the knot|will be married)\b)re",
     "How are the wedding plans coming along?", {}, Interval{9, months}},
    {"wedding-done",
     R"re(\b(?:got married|just married|newly ?weds?|newly married|on (?:their|his|her) honeymoon|back from (?:their|his|her|the) honeymoon)\b)re",
     "How was the wedding?", Interval{3, days}, Interval{6, months}},

    // ---- parents' health, caring, loss ----------------------------------------------
    {"parent-health",
     R"re(\b(?:(?:his|her|their) )?(?:(?:elderly|old|aging|ageing) )?)re" KQ_ELDER
     R"re((?:'s|’s)?(?: (?:is|was|has|had|have|just|recently|now|still|been|being|got|went|back|again|very|quite|seriously|really|sadly))* (?:in (?:the )?hospital|hospitali[sz]ed|admitted|ill|sick|unwell|poorly|frail|dying|terminal|palliative|not (?:well|great|good|doing well)|in (?:a )?(?:bad|poor) (?:way|health)|had (?:a |another )?(?:fall|stroke|heart attack|surgery|operation|op)|fell|diagnosed|cancer|dementia|alzheimer|parkinson|in (?:a )?(?:care|nursing) home|in hospice|recovering|having (?:surgery|an operation|treatment|chemo)|undergoing|health|illness|condition|treatment|surgery|operation|recovery|diagnosis|struggling)\b)re",
     "How is your {1} doing?", {}, Interval{1, years}},
    {"parents-health",
     R"re(\b(?:his|her|their) (?:elderly |old |aging |ageing )?parents(?: (?:are|were|have|had|both|just|recently|now|still|been|being|getting))* (?:in (?:the )?hospital|ill|sick|unwell|struggling|not (?:well|great|doing well)|frail|moving into (?:a )?(?:care|nursing) home|in (?:a )?(?:care|nursing) home|health)\b)re",
     "How are your parents doing?", {}, Interval{1, years}},
    {"caring-for-parent",
     R"re(\b(?:looking after|caring for|taking care of|nursing|moved in with|moving in with) (?:his|her|their) (?:elderly |sick |ill |aging |ageing |old )?(mother|mum|mom|father|dad|parents|mother-in-law|father-in-law|grandmother|grandfather|gran|grandma|grandpa)\b)re",
     "How are things with your {1}?", {}, Interval{1, years}},
    {"bereavement-lost",
     R"re(\b(?:lost|losing) (?:his|her|their) (mother|mum|mom|father|dad|mother-in-law|father-in-law|stepmother|stepfather|grandmother|grandfather|gran|grandma|grandpa|wife|husband|partner|brother|sister|son|daughter|best friend|dog|cat)\b)re",
     "How have you been since losing your {1}?", {}, Interval{1, years}},
    {"bereavement-died",
     R"re(\b(?:his|her|their) (mother|mum|mom|father|dad|mother-in-law|father-in-law|stepmother|stepfather|grandmother|grandfather|gran|grandma|grandpa|wife|husband|partner|brother|sister|son|daughter|best friend|dog|cat)(?: (?:just|recently|sadly|unexpectedly|suddenly|has|had))* (?:passed away|passed|died)\b)re",
     "How have you been since losing your {1}?", {}, Interval{1, years}},

    // ---- sports teams and hobbies ---------------------------------------------------
    {"team-fans",  // plural team names take "the": the Red Sox, the Yankees
     KQ_FAN_ANCHOR R"re(((?:)re" KQ_TEAM_WORD R"re( ){0,2})re" KQ_NOT_TEAM R"re([a-z\d][\w.&'-]*[sx]))re" KQ_FAN,
     "How are the {1} doing this season?", {}, {}},
    {"team-fan",  // Arsenal, Real Madrid, Manchester United
     KQ_FAN_ANCHOR R"re(((?:)re" KQ_TEAM_WORD R"re( ){0,2})re" KQ_NOT_TEAM R"re((?:[a-z\d][\w.&'-]*)?[a-rt-wyz\d]))re" KQ_FAN,
     "How is {1} doing this season?", {}, {}},
    {"team-follows",
     R"re(\b(?:fan of|supporter of|roots for|cheers for|season tickets? (?:for|to|at)|season[- ]ticket holder (?:at|for)|follows) the )re"
     R"re(((?:)re" KQ_TEAM_WORD R"re( ){0,2})re" KQ_NOT_TEAM R"re([a-z\d][\w.&'-]*[sx])\b)re",
     "How are the {1} doing this season?", {}, {}},
    {"team-season-tickets",
     R"re(\b(?:season tickets? (?:for|to|at)|season[- ]ticket holder (?:at|for)|roots for) (?!the ))re"
     R"re(((?:)re" KQ_TEAM_WORD R"re( ){0,2})re" KQ_NOT_TEAM R"re((?:[a-z\d][\w.&'-]*)?[a-rt-wyz\d])\b)re",
     "How is {1} doing this season?", {}, {}},
    {"hobby",
     R"re(\b(?:into|loves?|enjoys?|took up|taken up|taking up|started|picked up|getting into|got into|obsessed with|passionate about|crazy about|mad about|keen on|big on|hobby is|hobbies are|learning|goes|practi[sc]es|spends (?:his|her|their) weekends|weekends) (?:a lot of |lots of |some |the )?)re" KQ_HOBBY,
     "How's the {1} going?", {}, Interval{3, years}},
    {"hobby-person",  // a keen sailor → sailing
     R"re(\b(?:keen|avid|passionate|serious|big|huge|amateur|competitive|enthusiastic|weekend|mad|dedicated|obsessive|ultra|marathon|trail|fell|rock|ice|open water|a|an) (sail|runn|climb|cycl|swimm|surf|ski|hik|golf|row|kayak|paddleboard|skat|snowboard|bird|beekeep|walk)(?:ers?|ors?|ists?)\b)re",
     "How's the {1}ing going?", {}, Interval{3, years}},
    {"hobby-craft-person",
     R"re(\b(?:keen|avid|passionate|serious|amateur|enthusiastic|weekend|dedicated|obsessive|hobby|home|self-taught) (bak|garden|paint|knitt|danc|brew|fenc)(?:ers?|ists?)\b)re",
     "How's the {1}ing going?", {}, Interval{3, years}},
    {"race-training",
     R"re(\b(?:training for|signed up for|entered|registered for|doing|running|racing|preparing for) (?:(?:a|an|the|his|her|their) )?(?:(?:first|next|big|second|third|another) )?((?:)re" KQ_TEAM_WORD R"re( ){0,3}?(?:half[- ])?(?:marathon|triathlon|ironman|ultra|ultramarathon|half|10k|5k|sportive|race))\b)re",
     "How is the training for the {1} going?", {}, Interval{4, months}},
    {"learning-language",
     R"re(\blearning (?:to speak )?(Spanish|French|German|Italian|Japanese|Mandarin|Chinese|Cantonese|Portuguese|Arabic|Korean|Dutch|Greek|Russian|Hindi|Swedish|Norwegian|Danish|Finnish|Polish|Turkish|Hebrew|Welsh|Irish|Gaelic|Vietnamese|Thai|Swahili|sign language|ASL|BSL)\b)re",
     "How is the {1} coming along?", {}, Interval{2, years}},
    {"learning-to",
     R"re(\blearning (?:how )?to (sail|surf|ski|snowboard|climb|dance|cook|swim|fly|paint|code|program|knit|sew|draw|drive|ride|skate|play (?:the )?[a-z]+)\b)re",
     "How is learning to {1} going?", {}, Interval{2, years}},

    // ---- work -----------------------------------------------------------------------
    {"job-new-at",
     R"re(\b(?:start(?:s|ed|ing)?|began|begins|beginning|took|taking|takes|accepted|accepting|landed|got|offered|found) (?:(?:a|the|her|his|their) )?(?:new )?(?:job|role|position|post|gig|contract|internship|residency|fellowship|placement)(?: as (?:an? |the )?[\w\x80-\xff /&,-]{1,40}?)? (?:at|with) )re" KQ_PLACE,
     "How is the new role at {1} going?", {}, Interval{1, years}},
    {"job-new-as",
     R"re(\b(?:start(?:s|ed|ing)?|began|begins|joined|joining|joins|hired|appointed|promoted|named) as (?:an? |the |their |her |his )?[\w\x80-\xff /&,-]{1,40}? (?:at|with|of|for) )re" KQ_PLACE,
     "How is the new role at {1} going?", {}, Interval{1, years}},
    {"job-joined",
     R"re(\b(?:joined|joining|joins|is joining|switched to|jumped to|poached by|hired by) )re" KQ_PLACE R"re(as\b)re",
     "How is the new role at {1} going?", {}, Interval{1, years}},
    {"job-new-generic",
     R"re(\b(?:(?:start(?:s|ed|ing)?|began|begins|got|landed|accepted|loving|enjoying|settling into|settled into|first (?:day|week|month) (?:at|in)) (?:a |an |the |her |his |their )?new (?:job|role|position)|accepted (?:an? |the )?(?:offer|job|role|position)|(?:changed|changing|switched|switching) jobs)\b(?! (?:at|with|as) ))re",
     "How is the new job going?", {}, Interval{1, years}},
    {"job-promoted-to",
     R"re(\b(?:promoted|promotion|step(?:ped|ping)? up) to (?:an? |the )?((?:[\w\x80-\xff&/-]+ ){0,4}?[\w\x80-\xff&/-]+)(?=\s*[,.;:!?)]|\s*$| (?:at|in|last|this|on|after|yesterday|today|recently|and|with|from)\b))re",
     "How are you finding the new role as {1}?", {}, Interval{1, years}},
    {"job-promoted",
     R"re(\b(?:got (?:a |the |her |his |their )?promotion|(?:got|was|been|just|finally) promoted(?! to\b))\b)re",
     "How are you finding the new role?", {}, Interval{1, years}},
    {"job-offer",
     R"re(\b(?:job offer|offer from|offered (?:a |the )?(?:job|role|position))\b)re",
     "Did you decide on the job offer?", {}, Interval{2, months}},
    {"job-search",
     R"re(\b(?:laid off|lost (?:his|her|their) job|made redundant|(?:was|were|been|got|being) let go|got fired|was fired|been fired|between jobs|out of work|unemployed|job[- ]?hunting|job search|looking for (?:a |another )?(?:new )?(?:job|role|position|work)|(?:his|her|their) (?:job|role|position) (?:was|got|is being) (?:cut|eliminated))\b)re",
     "How is the job search going?", {}, Interval{6, months}},
    {"retired",
     R"re(\b(?:(?:he|she|they)(?:'s|’s| is| has| have| just| recently| finally)* retired|(?:just|recently|finally|has|have|is|now|newly|happily) retired)\b)re",
     "How are you enjoying retirement?", {}, Interval{2, years}},
    {"retiring",
     R"re(\b(?:retiring|retires|planning (?:to|for) (?:retire|retirement)|about to retire|close to retirement)\b)re",
     "How are the retirement plans coming along?", {}, Interval{1, years}},
    {"leave",
     R"re(\b(?:on|taking|took|start(?:s|ed|ing)?|going on) (?:a |an |her |his |their )?(sabbatical|parental leave|maternity leave|paternity leave|career break|gap year)\b)re",
     "How is the {1} going?", {}, Interval{1, years}},
    {"interview-at",
     R"re(\b(?:job interview|interview(?:s|ed|ing)?|(?:final|second|third|first)[- ]round interview) (?:at|with) )re" KQ_PLACE,
     "How did the interview at {1} go?", Interval{3, days}, Interval{2, months}},
    {"interview",
     R"re(\b(?:job interview|(?:final|second|third|first)[- ]round interview|interviewing for|interview for|has an interview|had an interview|got an interview)\b(?! (?:at|with) ))re",
     "How did the interview go?", Interval{3, days}, Interval{2, months}},

    // ---- moving ---------------------------------------------------------------------
    {"move-city-planned",
     R"re(\b(?:moving|relocating|emigrating|going to move|planning to move|plans to move|about to move|will move|will be moving|to relocate)(?: back| over| out| abroad)? to )re" KQ_PLACE KQ_NOT_BEFORE_AS,
     "How are the preparations for the move to {1} going?", {}, Interval{30, days}},
    {"move-city-settling",
     R"re(\b(?:moving|relocating|emigrating|going to move|planning to move|plans to move|about to move|will move|will be moving|to relocate)(?: back| over| out| abroad)? to )re" KQ_PLACE KQ_NOT_BEFORE_AS,
     "How are you settling in in {1}?", Interval{31, days}, Interval{1, years}},
    {"move-city-done",
     R"re(\b(?:moved|relocated|emigrated|just arrived|has settled|have settled)(?: back| over| out| abroad)? (?:to|in) )re" KQ_PLACE KQ_NOT_BEFORE_AS,
     "How are you settling in in {1}?", {}, Interval{1, years}},
    {"move-house",
     R"re(\b(?:(?:moving|moved|move|moves|relocating) (?:house|home|flats?|apartments?)\b|(?:moving|moved|move|moves) (?:in)?to (?:a |an |the |their |his |her )?(?:(?:new|bigger|smaller|first|own) )*(?:house|flat|apartment|place|home|condo|townhouse|cottage)\b|(?:bought|buying|closed on|closing on|purchased|got the keys to) (?:a |an |the |their |his |her )?(?:(?:first|new|own) )*(?:house|flat|apartment|home|place|condo|townhouse|cottage)\b|new (?:house|flat|apartment|home)\b))re",
     "How are you finding the new place?", {}, Interval{1, years}},
    {"house-hunting",
     R"re(\b(?:house[- ]?hunting|flat[- ]?hunting|apartment[- ]?hunting|looking (?:for|at) (?:a |an )?(?:new |bigger |first )?(?:house|flat|apartment|home|place to live|houses|flats|apartments)|trying to (?:buy|rent) (?:a |an |their |his |her )?(?:house|flat|apartment|home|place))\b)re",
     "Any luck with the house hunt?", {}, Interval{6, months}},
    {"house-selling",
     R"re(\b(?:selling|trying to sell|put up for sale|listed|listing) (?:the |their |his |her )?(?:house|flat|apartment|home|place)\b)re",
     "How is the house sale going?", {}, Interval{6, months}},

    // ---- travel ---------------------------------------------------------------------
    {"trip-before",
     R"re(^(?!.*\b(?:back from|returned from|got back)\b).*?\b(?:(?:trip|holiday|holidays|vacation|honeymoon|travels|travel(?:l?ing)?|backpacking|road ?trip|getaway|tour|touring|cruise|holidaying|vacationing|flying(?: out)?|flies(?: out)?|jetting off|ski trip) (?:to|in|around|through|across|round)|(?:week|weekend|fortnight|two weeks|few days|month) (?:away )?(?:in|on|at)) )re" KQ_TRIP_PLACE,
     "Are you looking forward to {1}?", {}, Interval{6, days}},
    {"trip-after",
     R"re(^(?!.*)re" KQ_LATER R"re().*?\b(?:(?:trip|holiday|holidays|vacation|honeymoon|travels|travel(?:l?ing)?|backpacking|road ?trip|getaway|tour|touring|cruise|holidaying|vacationing|flying(?: out)?|flies(?: out)?|flew(?: out)?|jetting off|ski trip) (?:to|in|around|through|across|round)|(?:week|weekend|fortnight|two weeks|few days|month) (?:away )?(?:in|on|at)) )re" KQ_TRIP_PLACE,
     "How was {1}?", Interval{7, days}, Interval{6, months}},
    {"trip-back-from",
     R"re(\bback from (?:(?:a|an|his|her|their|the) )?(?:(?:trip|holiday|vacation|week|weekend|fortnight|month|few days|two weeks|honeymoon|tour) (?:in|to|at|around) )?)re" KQ_TRIP_PLACE,
     "How was {1}?", {}, Interval{2, months}},
    {"trip-back-from-holiday",
     R"re(\bback from (?:(?:a|an|his|her|their|the) )?(holiday|vacation|honeymoon|trip|sabbatical|parental leave|maternity leave|paternity leave)\b(?! (?:to|in|around|at|through|across) ))re",
     "How was the {1}?", {}, Interval{2, months}},

    // ---- studies and exams ----------------------------------------------------------
    {"studies",
     R"re(\b(?:studying|studies|study|doing|started|starting|enrolled in|enrolling in|taking|pursuing|working on|halfway through|in the middle of|signed up for|finishing) (?:a |an |her |his |their |the )?(?:part-time |full-time |online |evening |executive |new )?(MBA|PhD|doctorate|master's degree|master’s degree|master's|master’s|masters|MSc|MPhil|LLM|law degree|degree|diploma|course|bootcamp|apprenticeship|certification|certificate|night school|evening classes|teacher training|nursing degree)(?![\w\x80-\xff'-]))re",
     "How is the {1} going?", {}, Interval{2, years}},
    {"studies-at",
     R"re(\bstudying (?!(?:hard|late|all|a lot|lots|for|abroad|at|in|with|together|alone|online|full-time|part-time|remotely|from|there|here)\b)([a-z\x80-\xff][\w\x80-\xff-]*(?: [a-z\x80-\xff][\w\x80-\xff-]*)?) at )re" KQ_PLACE,
     "How are the {1} studies at {2} going?", {}, Interval{2, years}},
    {"exam-before", KQ_EXAM, "How is the preparation for the {1} going?", {}, Interval{20, days}},
    {"exam-after", KQ_EXAM, "How did the {1} go?", Interval{21, days}, Interval{3, months}},

    // ---- pets -----------------------------------------------------------------------
    {"pet-new-named",
     R"re(\b(?:got|getting|adopted|adopting|rescued|bought|brought home|new|welcomed) (?:a |an |their |his |her |the )?(?:(?:new|little|tiny|rescue|second|another) )*(puppy|pup|kitten|dog|cat|rescue|rescue dog|rescue cat|horse|pony|rabbit|bunny|parrot|hamster|guinea pig|tortoise|budgie)(?:,| named| called)? )re" KQ_NAME
     KQ_FOLLOW,
     "How is {2} settling in?", {}, Interval{6, months}},
    {"pet-named",
     R"re(\b(?:his|her|their) (?:(?:old|little|rescue|beloved|lovely|sweet|elderly) )*(dog|cat|puppy|kitten|horse|pony|labrador|lab|spaniel|terrier|retriever|collie|poodle|dachshund|greyhound|whippet|beagle|corgi|pug|husky|bulldog|rabbit|parrot)(?:,| named| called)? )re" KQ_NAME
     KQ_FOLLOW,
     "How is {2} doing?", {}, Interval{5, years}},
    {"pet-new",
     R"re(\b(?:got|getting|adopted|adopting|rescued|bought|brought home|new) (?:a |an |their |his |her )?(?:(?:new|little|tiny|rescue|second|another) )*(puppy|kitten|dog|cat|horse|pony)\b(?!(?:,| named| called)? )re" KQ_NAME_WORD
     KQ_FOLLOW ")",
     "How is the new {1} settling in?", {}, Interval{6, months}},

    // ---- health ---------------------------------------------------------------------
    {"surgery-ahead",
     R"re(\b(?:having|getting|scheduled for|booked in for|booked for|going in for|goes in for|needs?|waiting for|undergoing|due to have))re" KQ_SURGERY,
     "How are you feeling about the {1}?", {}, Interval{13, days}},
    {"surgery-recovery-ahead",
     R"re(\b(?:having|getting|scheduled for|booked in for|booked for|going in for|goes in for|needs?|waiting for|undergoing|due to have))re" KQ_SURGERY,
     "How is the recovery from the {1} going?", Interval{14, days}, Interval{3, months}},
    {"surgery-recovery",
     R"re(\b(?:had|got|underwent|recovering from|after|post)(?: (?:his|her|their))?)re" KQ_SURGERY,
     "How is the recovery from the {1} going?", {}, Interval{3, months}},
    {"illness-serious",
     R"re(\b(?:diagnosed with|battling|fighting|suffering from|treated for|treatment for|going through|struggling with|living with) (?:a |an |some |(?:his|her|their) )?(?:(?:bad|serious|severe|long|chronic|stage \d|early|breast|prostate|lung|skin|bowel|colon|ovarian|pancreatic|brain) )*(cancer|long covid|pneumonia|diabetes|depression|anxiety|burnout|ms|lupus|crohn's|tumou?r|leukemia|leukaemia|lymphoma|sepsis|heart disease|kidney disease|illness|health (?:scare|issues|problems)|chemo(?:therapy)?)\b)re",
     "How are you holding up?", {}, Interval{6, months}},
    {"illness-minor",
     R"re(\b(?:off sick|down with|caught|came down with|got|had|has|recovering from|in bed with) (?:a |an |the |some )?(?:bad |nasty |horrible )?(flu|covid|cold|chest infection|stomach bug|stomach virus|migraine|tonsillitis|strep|bronchitis|chickenpox|shingles)\b)re",
     "Are you feeling better?", {}, Interval{1, months}},
    {"injury",
     R"re(\b(?:broke|broken|breaking|fractured|fracturing|tore|torn|tearing|sprained|spraining|injured|injuring|hurt|hurting|pulled|dislocated|twisted|snapped|ruptured|busted|did|damaged) (?:(?:his|her|their|an?|the) )?((?:left |right )?(?:arm|leg|wrist|ankle|foot|hand|back|knee|shoulder|hip|collarbone|collar bone|finger|toe|ribs?|acl|achilles|hamstring|neck|nose|elbow|jaw|meniscus|calf|pelvis|thumb))\b)re",
     "How is the {1} healing?", {}, Interval{3, months}},
    {"stress",
     R"re(\b(?:burn(?:ed|t|ing) out|burnout|exhausted|overwhelmed|stressed(?: out)?(?! (?:the|that|how|this|its|his|her|their|our|a|an|importance|why)\b)|under (?:a lot of |so much |huge |a ton of )?(?:pressure|stress)|not sleeping|can'?t sleep|struggling (?:a bit|a lot|mentally|emotionally)|having a (?:hard|tough|rough|difficult) time|going through a (?:hard|tough|rough|difficult) (?:time|patch)|(?:tough|hard|rough|difficult) (?:year|time|few months|patch))\b)re",
     "How are you holding up these days?", {}, Interval{3, months}},

    // ---- business -------------------------------------------------------------------
    {"business-struggling",
     R"re(\b(?:struggl(?:ing|es|ed)|trying|fighting|working hard|hard) to (?:keep (?:the |his |her |their |its )?(?:business|company|shop|restaurant|startup|start-up|practice|store|firm|agency|studio|cafe|café|bakery|bar|gym|salon|doors|lights) (?:going|afloat|open|alive|running|on)|stay afloat|make (?:ends meet|payroll|rent)|pay (?:the )?(?:bills|rent|staff|wages|salaries)|find (?:new )?(?:clients|customers|investors|funding|work)|get (?:new )?(?:clients|customers|funding))\b)re",
     "How is the business doing these days?", {}, Interval{6, months}},
    {"business-down",
     R"re(\b(?:business|company|startup|start-up|shop|restaurant|store|practice|firm|agency|sales|revenue|revenues|bookings|orders|cash ?flow|margins|pipeline)(?: (?:is|are|was|were|has been|have been|been|feels|looks|got|getting|so|really|pretty|very|quite|a bit|still))+ (?:struggling|slow|slowing|down|tough|difficult|hard|in trouble|quiet|dried up|drying up|tanking|losing money|bleeding money|tight|flat|dead|rough|in the red|bad|terrible|awful|shaky|precarious)\b(?! (?:the|to|at|by|on)\b))re",
     "How is the business doing these days?", {}, Interval{6, months}},
    {"business-cash",
     R"re(\b(?:cash ?flow (?:problems|issues|crunch|worries)|running out of (?:cash|money|runway)|(?:short|low) on (?:cash|runway)|might (?:have to )?(?:close|shut|fold)|thinking (?:about|of) (?:closing|shutting|selling) (?:the |his |her |their )?(?:business|company|shop|restaurant|store|practice)|lost (?:a |their |his |her |its |our )?(?:biggest|main|largest|key|anchor) (?:client|customer|account)|layoffs|lay-offs|laying (?:people|staff) off|had to let (?:people|staff) go)\b)re",
     "How is the business doing these days?", {}, Interval{6, months}},
    {"fundraising",
     R"re(\b(?:raising|closing|closed|raised|pitching for|fundraising for|seeking|looking for) (?:a |an |their |his |her |its |the )?(?:(?:seed|pre-seed|series [a-e]|angel|bridge|first|new|next|vc|venture) )*(?:round|funding|investment|investors|capital)\b)re",
     "How is the fundraising going?", {}, Interval{6, months}},
    {"business-started",
     R"re(\b(?:started|starting|launched|launching|founded|co-founded|set up|setting up|opened|opening|runs|running|owns|bought|took over) (?:(?:a|an|her|his|their|the|own|new|second|first|little|small) )*)re" KQ_BUSINESS_KIND,
     "How is the {1} going?", {}, Interval{2, years}},

    // ---- launches and projects ------------------------------------------------------
    {"launch-soon", KQ_LAUNCH_SOON, "How is the {1} launch coming along?", {}, Interval{13, days}},
    {"launch-after", KQ_LAUNCH_SOON, "How did the {1} launch go?", Interval{14, days}, Interval{6, months}},
    {"launch-done",
     R"re(\b(?:launched|released|shipped|published|unveiled|rolled out|debuted|premiered|went live with))re" KQ_LAUNCH_OBJECT,
     "How did the {1} launch go?", {}, Interval{6, months}},
    {"launch-generic",
     R"re(\b(?:launch|release|premiere|go-live|launch date|launch party)(?: (?:is|was|will be|day|date|party))? (?:next|this|on|in|coming up|soon|tomorrow)\b)re",
     "How did the launch go?", Interval{14, days}, Interval{6, months}},
    {"writing",
     R"re(\b(?:writing|finishing|working on|editing|drafting|finishing up|halfway through) (?:a |an |her |his |their |the )?(?:(?:first|new|second|next|debut) )?(book|novel|memoir|thesis|dissertation|screenplay|script|play|cookbook|album|musical)\b)re",
     "How is the {1} coming along?", {}, Interval{2, years}},
    {"renovation",
     R"re(\b(?:renovating|renovation (?:on|to|of)|renovations (?:on|to|of)|redoing|re-doing|remodel(?:l)?ing|restoring|doing up|rebuilding|building|extending|converting|fixing up|refurbishing|redecorating|gutting) (?:a |an |the |her |his |their )?(?:(?:old|new|big|whole|entire|little|vintage|classic|first) )*(kitchen|house|home|bathroom|garden|boat|car|attic|basement|loft|extension|barn|cabin|campervan|camper van|camper|van|flat|apartment|cottage|farmhouse|shed|garage|deck|porch|treehouse|sailboat|motorbike|motorcycle)\b)re",
     "How is the {1} coming along?", {}, Interval{1, years}},
};

}  // namespace

const std::vector<QuestionRule>& builtin_question_rules() {
    static const std::vector<QuestionRule> rules = [] {
        std::vector<QuestionRule> out;
        out.reserve(std::size(rule_texts));
        for (const auto& r : rule_texts)
            out.push_back({std::string(r.id), std::string(r.match), std::string(r.ask), r.min_age, r.max_age, {}});
        return out;
    }();
    return rules;
}

const std::map<std::string, std::vector<std::string>>& builtin_question_banks() {
    static const std::map<std::string, std::vector<std::string>> banks{
        {"client",
         {"How are you finding our work together — anything we could do better?",
          "What's the biggest thing on your plate this quarter?",
          "Is there anything coming up where a hand would help?"}},
        {"prospect",
         {"What are you most focused on this year?",
          "What's the biggest challenge on your team's plate right now?",
          "What would make the next few months a success for you?"}},
        {"friend",
         {"What's been the best part of your week?",
          "Read, watched or listened to anything good lately?",
          "What are you looking forward to at the moment?"}},
        {"family",
         {"How is everyone doing?",
          "What's been keeping you busy lately?",
          "Is there anything you could use a hand with at the moment?"}},
        {"mentor",
         {"What are you working on that excites you most right now?",
          "What's something you've changed your mind about recently?",
          "What book or idea has stuck with you lately?"}},
        {"colleague",
         {"How is the team doing these days?",
          "What's keeping you busy at work right now?",
          "What are you hoping to work on next?"}},
    };
    return banks;
}

#undef KQ_END
#undef KQ_STOP
#undef KQ_NAME_WORD
#undef KQ_NAME
#undef KQ_FOLLOW
#undef KQ_WORD
#undef KQ_PROPER
#undef KQ_PLACE
#undef KQ_NOT_BEFORE_AS
#undef KQ_TRIP_PLACE
#undef KQ_LATER
#undef KQ_ADMITTED
#undef KQ_STARTING
#undef KQ_ELDER
#undef KQ_SCHOOL
#undef KQ_TEAM_WORD
#undef KQ_NOT_TEAM
#undef KQ_FAN_ANCHOR
#undef KQ_FAN
#undef KQ_HOBBY
#undef KQ_SURGERY
#undef KQ_EXAM
#undef KQ_LAUNCH_OBJECT
#undef KQ_LAUNCH_SOON
#undef KQ_BUSINESS_KIND

}  // namespace kith
