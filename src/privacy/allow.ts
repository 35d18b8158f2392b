// Capitalised words that are not personal names: places (and the prefixes of Norwegian place names,
// Øvre, Indre, Sør ...), organisations and the words that name them (AS, Hotel, Institutt ...),
// months, weekdays and the domain words of interview notes. Lower case. A capitalised word in this list never starts or
// continues a name.

const PLACES = `
norge norway noreg sverige sweden danmark denmark finland europa europe norden oslo bergen
trondheim stavanger kristiansand tromsø drammen fredrikstad sandnes sarpsdal skien bodø ålesund
tønsberg moss haugesund porsgrunn arendal hamar larvik halden lillehammer molde harstad
gjøvik kongsberg narvik alta steinkjer levanger asker bærum lillestrøm lørenskog ski viken
innlandet vestland rogaland agder nordland troms finnmark trøndelag møre romsdal vestfold
telemark østfold akershus buskerud hedmark oppland hordaland sogn fjordane
frogner grünerløkka sagene gamle st hanshaugen alna bjerke grorud stovner nordstrand søndre
østensjø ullern vestre nordre aker sentrum marka majorstuen tøyen grønland holmlia furuset
vestlandet østlandet sørlandet nord-norge midt-norge
øvre nedre midtre indre ytre sør nord øst vest søndre nordre østre store lille nye
`;

const ORGANISATIONS = `
ks nav difi dfø slik kommunesektorens fagforbundet delta unio lo ys akademikerne nsf
sykepleierforbundet utdanningsforbundet fellesorganisasjonen husbanken helsedirektoratet
regjeringen stortinget departementet kommunaldepartementet kommunal- kdd oslomet ntnu uio uib
uit nord nmbu bi fafo nibr sintef norce statistisk sentralbyrå ssb microsoft teams excel word
outlook powerpoint macbook google facebook instagram snapchat tiktok whatsapp zoom lean kommune kommunen
fylkeskommune fylkeskommunen bydel bydelen bydelsutvalget statsforvalteren fylkesmannen
innovasjon norge forskningsrådet digdir skatteetaten helfo ruter
as asa sa ans hotel hotell consulting cluster office senter senteret center forum group gruppen
institutt instituttet institute university universitet universitetet høgskole høgskolen
forskning foundation stiftelse stiftelsen
røde kors frelsesarmeen bymisjon bymisjonen kirkens folkehjelp nasjonalforeningen sanitetsforening
sanitetsforeningen frivilligsentral frivilligsentralen lions rotary kiwanis
`;

const TIME = `
januar februar mars april mai juni juli august september oktober november desember
january february march may june july october december
mandag tirsdag onsdag torsdag fredag lørdag søndag monday tuesday wednesday thursday friday
saturday sunday jul påske pinse
`;

const DOMAIN = `
informant informanten informantene intervjuer intervjueren interviewer respondent r i q a intervju intervjuet intervjuene interview transkripsjon transcript notat notatet notater referat referatet samtale samtalen
del part spørsmål question tema theme kode code svar answer notat notater note notes
tillitsvalgt hovedtillitsvalgt arbeidsgiver ansatt medarbeider leder rådmann kommunedirektør
bydelsdirektør bydelsdirektøren personalsjef direktør sjef avdelingsleder enhetsleder
mdi hr it ikt nav-kontor helse barnevern sosial skole barnehage hjemmetjenesten
kommune mr mrs ms miss mx dr prof professor cllr councillor sir dame rev
norsk norske nordisk engelsk english norwegian bokmål nynorsk samisk
`;

// Sentence adverbs, capitalised at the start of a sentence and then glued to the name after
// them: "Later Patel agreed", «Etterpå Skogvik ...».
const ADVERBS = `
later earlier afterwards yesterday today tomorrow tonight eventually finally meanwhile recently
apparently honestly instead perhaps maybe sometimes often first next last soon already again
anyway besides otherwise luckily sadly unfortunately fortunately obviously clearly initially
originally basically actually really frankly personally overall
senere etterpå deretter heldigvis dessverre plutselig kanskje ofte ellers likevel uansett
dessuten først sist neste igjen allerede snart tidligere egentlig faktisk i går
`;

// The street words of English addresses: "Station Road is closed", "Baker Street station" name
// a street, not a person (with a number they are an address). Only words that are no surname.
const STREETS = `
street road lane avenue drive crescent terrace boulevard square gardens mews parade quay highway
`;

// English places and the words public bodies and their departments are named with (Adult Social
// Care, Human Resources, Leeds City Council, Greater Manchester): capitalised, in runs of two or
// three, they looked like names. None is a common surname or first name.
const ENGLISH = `
england scotland wales ireland britain uk usa america canada australia london manchester leeds
birmingham liverpool glasgow edinburgh cardiff belfast dublin cork galway limerick bristol
sheffield newcastle nottingham york francisco angeles chicago toronto sydney
new san los las greater north south east west northern southern eastern western upper lower
central inner outer county city borough district metropolitan royal national regional local
general united
council government ministry parliament assembly department team unit office board committee
commission agency authority trust partnership network association society federation union
centre center college school hospital clinic library fund institute programme program project
lab hub forum group services service resources human adult adults child children family families
customer customers social care health public environmental community communities work housing
planning transport education finance policy quality development innovation digital strategy
management safety economic regeneration waste highways libraries culture leisure sport youth
early years mental wellbeing support affairs relations communications legal procurement
`;

const words = (s: string) => s.split(/\s+/).filter(Boolean);

export const ALLOWED: ReadonlySet<string> = new Set([...words(PLACES), ...words(ORGANISATIONS), ...words(TIME), ...words(DOMAIN), ...words(ADVERBS), ...words(STREETS), ...words(ENGLISH)]);
