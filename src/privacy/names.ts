// Common Norwegian given names and surnames (and English ones, below), gathered for this project from general knowledge of
// Norwegian naming (not copied from a register). Lower case; hyphenated names are checked per part.

const FEMALE = `
ada agnes agnete aina alexandra alma amalie andrea ane anette anita anja ann anna anne anniken
astrid aud aslaug bente berit birgit birgitte bjørg borghild brit brita britt camilla caroline
cathrine cecilie charlotte christina christine dagny dina ebba edel elin eline elisabeth ella
ellen elsa else emilie emma eva frida gerd gunhild gunn gunnhild guri gyda hanna hanne hedda
hege heidi helene helga hilde ida inga inger ingeborg ingrid ingunn irene iselin jenny johanne
julie june kaja kamilla karen kari karin karoline kathrine katrine kirsten kjersti kristin
kristine laila lene linda line linn lisa lise liv lovise maja malin mari maria marianne marit
marte martha martine maren merete mette mia mona monica nina nora oda olga ragnhild randi rannveig
ragna reidun rigmor rita ronja ruth sara signe silje siri siv sofie solveig sigrid sissel
stine sunniva susanne synnøve tone tonje torill torunn tove trine turid unni vigdis vilde
wenche åse aase øydis
`;

const MALE = `
aksel aleksander alexander anders andreas anton arild arne arvid asbjørn atle audun bendik
bjarne bjørn bård christian dag daniel david edvard egil eirik einar eivind elias emil endre
erik erlend espen even finn fredrik frode geir gunnar gustav haakon hans harald helge henrik
herman håkon håvard ivar jakob jan jarle jens joakim johan johannes jon jonas jostein jørgen
karl kjell kjetil knut kristian kristoffer lars leif magnus marius martin mathias mats morten
nils odd olav ole oliver oscar oskar pål per petter philip ragnar reidar roar robert roger
rolf rune sander sebastian sigurd simen simon sindre stein steinar stian svein sverre terje
thomas thor tobias tom tommy tor tore torbjørn trond trygve truls vegard vidar viktor william
øystein øyvind ørjan ola kåre jo
`;

const SURNAMES = `
aasen amundsen andersen andreassen arnesen bakke bakken berg berge berntsen birkeland bjerke
bjørnstad brekke christensen christiansen dahl dale danielsen edvardsen eide eliassen
ellingsen engen eriksen evensen fredriksen gulbrandsen gundersen hagen halvorsen hansen
hanssen haugen haugland helland henriksen hermansen hoel holm holmen isaksen jakobsen jensen
johannessen johansen johnsen jørgensen karlsen knudsen knutsen kristensen kristiansen
kristoffersen kvam larsen lie lund lunde løken martinsen mathisen moe moen myhre myklebust
mikkelsen nielsen nilsen nguyen nygård nordmann olsen paulsen pedersen pettersen rasmussen
rønning ruud sandberg sandvik simonsen solberg solheim sæther strand sveen svendsen sørensen
thorsen tveit vik ødegård aas bekkelund fossum haug midtbø rustad skaar sletten stene
tangen ulriksen vold wold østby
`;

// Common given names of English-speaking (British, Irish, American) notes, and of families of
// South Asian, Arab and Somali origin common there, gathered for this project from general
// knowledge (not copied from a register). Irish names with and without the fada.
const ENGLISH = `
sarah olivia sophie jessica lucy hannah emily amy laura rachel rebecca claire clare helen jennifer
susan margaret mary patricia barbara michelle nicola natalie victoria catherine kate katie louise
lauren megan chloe ellie abigail amelia isla ava freya poppy jane janet joanne kelly tracy tracey
stacey donna diane deborah debbie wendy gillian alison alice annie bethany fiona jacqueline
joanna judith leanne lesley lorraine marie melanie molly pauline samantha sharon sheila shirley
stephanie valerie vanessa yvonne zoe grace holly ruby daisy carol heather rose hope faith joy
dawn
james john michael richard joseph charles christopher matthew anthony mark steven stephen paul
andrew joshua kenneth kevin brian george edward timothy jason ryan jacob gary nicholas eric
jonathan justin scott benjamin samuel gregory frank raymond patrick jack dennis tyler aaron henry
peter adam nathan douglas harry charlie alfie freddie archie leo arthur noah ethan lucas luke
owen connor callum jamie lewis neil ian graham gordon alan alastair alistair duncan hamish angus
fraser ewan euan craig stuart stewart barry colin derek keith trevor nigel phil tony sean shaun
matt chris gareth rhys dylan gwen bronwen sian
niamh aoife ciarán ciaran oisín oisin siobhan sinéad sinead saoirse róisín roisin caoimhe orla
aisling clodagh deirdre gráinne grainne eimear mairéad maeve nuala fionnuala sorcha áine aine
cathal colm conor cian darragh dónal donal eoin fergal fionn liam pádraig padraig rory ruairí
seamus séamus seán tadhg tomás niall diarmuid declan ronan éamon eamon
priya aisha fatima amina zainab omar ahmed mohammed muhammad hassan yusuf ibrahim imran rahul
sanjay anil sunita deepak amir yasmin layla hamza bilal abdi hodan
`;

const words = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

export const FIRST_NAMES: ReadonlySet<string> = new Set([...words(FEMALE), ...words(MALE), ...words(ENGLISH)]);
export const SURNAMES_SET: ReadonlySet<string> = words(SURNAMES);

/**
 * Names that are also ordinary words ("per dag", "liv", "hans bil", "even", "may"). Alone they
 * count as a name only in the middle of a sentence, where a capital letter means something.
 */
export const AMBIGUOUS: ReadonlySet<string> = words(`
per liv dag tor hans even may june else tone stein bjørn line tom odd roar dina signe mai
lie lund lunde dale vik berg berge strand holm holmen hagen haugen bakken bakke moen eide vold
haug engen dahl tangen kvam sletten
grace holly ruby daisy carol heather rose hope faith joy dawn mark frank jack will bill
jo
`);
