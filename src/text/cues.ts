import { readWordPattern } from '../codebook/terms.js';
import type { Lang, WordPattern } from '../model.js';

/** Dialect «ikke noe» run together: «vi har ittno penger», «ittno tidspress». A negation, a determiner and a cue. */
const IKKE_NOE = ['ittno', 'ittnå', 'itjno', 'itjnå', 'ikkeno', 'ikkjeno'];

/**
 * Lack cues: words that make a following (or, for some, a preceding) factor absent or scarce.
 * "mangel på tid", "ikke tid til", "for lite ressurser", "tid mangler". A trailing `*` is a prefix,
 * a leading `*` a word ending («e'kje», «ha'kke», "couldn't"). Written with ', they also match the
 * ’ that Word types and the ʼ of some keyboards. Kept deliberately short: each entry is a word a
 * coder would accept as "this is missing".
 */
const LACK_BEFORE: Record<'no' | 'en', readonly string[]> = {
  no: [
    'ikke', 'ikkje', 'ingen', 'inga', 'intet', 'inkje', 'ingenting', 'uten', 'utan', 'aldri',
    'itte', 'ittj', 'itj', 'ikkj', 'kje', 'ente', 'inte', "*'kje", "*'kke", "*'ke", 'hakke', 'ække', 'vakke',
    ...IKKE_NOE,
    'verken', 'hverken', 'korkje',
    'mangel*', 'mangl*', 'lite', 'lita', 'liten', 'lav', 'lave', 'låg', 'låge', 'knapt', 'knapphet', 'savn*', 'fravær*', 'svak', 'svake',
    'sjelden', 'sjeldan', 'minimalt', 'minimal', 'minimale', 'anstrengt', 'anstrengte',
    'dårlig', 'dårleg', 'dårlige', 'begrens*', 'avgrens*', 'utilstrekkelig*', 'manko',
    'vanskelig', 'vanskeleg', 'sliter', 'slit', 'strever', 'strevar',
    'miste', 'mister', 'mistet', 'mista', 'misse', 'misser', 'ryk', 'ryker', 'røk', 'rauk',
    'trenger', 'trengte', 'treng', 'trong', 'trengs', 'trengst', 'trengt', 'behov', 'behovet', 'mindre',
  ],
  en: [
    'not', 'no', 'never', 'without', 'lack', 'lacks', 'lacking', 'lacked', 'little', 'insufficient',
    'inadequate', 'scarce', 'scarcity', 'shortage', 'weak', 'poor', 'low', 'limited', 'hardly', 'barely', 'scarcely', 'zero', 'nobody', "nobody's",
    "*n't", 'cannot', 'neither', 'nor', 'difficult', 'struggle', 'struggles', 'struggling', 'struggled',
    'lose', 'loses', 'losing', 'lost', 'need', 'needs', 'needed', 'less', 'fewer', 'rarely', 'seldom',
  ],
};

const LACK_AFTER: Record<'no' | 'en', readonly string[]> = {
  no: ['ikke', 'ikkje', 'itte', 'ittj', 'itj', 'ikkj', 'kje', 'ente', 'inte', 'mangl*', 'mangel*', 'uteblir', 'strekker', 'forsvinner', 'forsvann',
    'forsvant', 'forsvunnet', 'forsvunne', 'borte', 'kuttet', 'kutta', 'fjernet', 'fjerna', 'lite', 'lita', 'liten', 'lav', 'lavt', 'låg', 'lågt', 'aldri',
    'begrenset', 'begrensa', 'avgrensa', 'avgrenset', 'utilstrekkelig', 'utilstrekkeleg', 'nedlagt', 'nedlagd', 'oppbrukt', 'ryk', 'ryker', 'røk', 'rauk'],
  en: ['not', 'lacking', 'missing', "isn't", "aren't", "wasn't", "weren't", 'never', 'cut', 'scrapped', 'gone',
    'scarce', 'limited', 'insufficient'],
};

/**
 * An end after a term is a loss: «prosjektmidlene tok slutt», «pengane tek slutt», «kassa gikk
 * tom», «fondet ble lagt ned», «midlene er brukt opp», "the grant ran out", "the money dried up",
 * "the fund was closed down", "the grant is used up". The ending word counts only right after one
 * of its verbs: «til slutt», «ned i», "out of", "up to" are no loss.
 */
const ENDINGS: Record<'no' | 'en', Readonly<Record<string, readonly string[]>>> = {
  no: {
    slutt: ['tok', 'tar', 'tek', 'tatt', 'teke', 'er', 'var'],
    tom: ['gikk', 'går', 'gjekk', 'gjeng', 'er', 'var'],
    ned: ['lagt', 'lagd', 'legges', 'leggast'],
    opp: ['brukt', 'brukte', 'brukta', 'brukes', 'brukast'],
  },
  en: {
    out: ['ran', 'run', 'runs', 'running'],
    up: ['dried', 'dries', 'drying', 'used'],
    down: ['closed', 'shut', 'wound'],
    frozen: ['is', 'are', 'was', 'were', 'been', 'be', 'remains', 'remained'],
  },
};
/**
 * Endings that are a loss only in the passive, the term being what was closed or used up: an
 * auxiliary right before the verb («fondet ble lagt ned», «midlene er brukt opp», "the fund was
 * closed down"; «legges ned» is passive in itself). «Teamet la ned en stor innsats», "the team
 * shut down the discussion", "the team used up the hours" are the term's own doing. And «lagt
 * ned» is no loss before an amount or what was put in: «lagt ned mye arbeid», «lagt ned i
 * velferdsteknologi» (EFFORT_AFTER; «i» only before a time: «lagt ned i fjor»).
 */
const PASSIVE_ENDINGS: Record<'no' | 'en', readonly string[]> = {
  no: ['ned', 'opp'],
  en: ['down', 'up'],
};
const PASSIVE_AUXILIARIES: Record<'no' | 'en', readonly string[]> = {
  no: ['ble', 'blei', 'vart', 'er', 'e', 'var', 'blir', 'vert', 'blitt', 'vorte', 'bli', 'verte'],
  en: ['is', 'are', 'was', 'were', 'been', 'be', 'being', 'got', 'get', 'gets', "it's", "they're", "that's"],
};
/** Verbs of loss after a term, in the passive only (an auxiliary right before): «prosjektet ble avviklet», "the team was disbanded". */
const PASSIVE_LOSSES: Record<'no' | 'en', readonly string[]> = {
  no: ['avviklet', 'avvikla', 'oppløst', 'oppløyst', 'skrotet', 'skrota'],
  en: ['disbanded', 'discontinued', 'abolished', 'axed', 'shelved'],
};
const EFFORT_AFTER: Record<'no' | 'en', readonly string[]> = {
  no: ['mye', 'mykje', 'masse', 'en', 'ei', 'et', 'eit', 'ein', 'stor', 'store', 'enorm', 'enorme', 'all', 'alt', 'noe', 'noko', 'litt', 'betydelig',
    'betydeleg', 'hele', 'heile', 'utrolig', 'veldig', 'sitt', 'si', 'sin', 'sine', 'innsats', 'arbeid', 'tid', 'timer', 'penger', 'pengar', 'ressurser', 'ressursar'],
  en: ['a', 'an', 'the', 'all', 'much', 'lots', 'our', 'their', 'its', 'his', 'her'],
};
const TIMES_AFTER_I = ['fjor', 'år', 'høst', 'haust', 'vår', 'sommer', 'sommar', 'vinter', 'januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli',
  'august', 'september', 'oktober', 'november', 'desember', 'forrige', 'førre', 'fjorår', 'fjoråret'];

/**
 * Obstacle nouns: a factor that is called a problem is a lack after all. Only with a copula
 * between the two: after the term up to five words on, «tid er et stort problem», «pengene er en
 * utfordring», «funding is an issue»; before it, right before the copula with at most one word
 * between the copula and the term, «den største utfordringen er tid», «the main barrier is
 * funding». Without the copula they say nothing of the kind: «tid løste problemet», «managers
 * support every issue», «problemet med kulturen». Negated like the lack verbs: «tid er ikke
 * noe problem» is time that is there.
 */
const OBSTACLES: Record<'no' | 'en', readonly string[]> = {
  no: [
    'problem', 'problemet', 'problemer', 'problema', 'utfordring', 'utfordringen', 'utfordringa', 'utfordringer',
    'hinder', 'hinderet', 'hindring', 'hindringen', 'hindringa', 'flaskehals', 'flaskehalsen', 'barriere', 'barrieren',
    'brems', 'bremsen', 'bremsekloss', 'bremseklossen', 'hemmer', 'hemmeren', 'hemmar', 'hemmaren',
  ],
  en: ['problem', 'problems', 'issue', 'issues', 'obstacle', 'obstacles', 'barrier', 'barriers', 'bottleneck', 'challenge', 'challenges', 'hurdle'],
};

/** How far after a term a copula-linked obstacle noun reaches (other cues: CUE_WINDOW_AFTER). */
const OBSTACLE_REACH = 5;

/**
 * Words that, as what a copula says of a term, say there is too little of it: «Tilliten mellom
 * ledelsen og de ansatte er lav.», «Støtten fra toppledelsen har vært svak.», "Trust between
 * managers and staff is low." (see CueMatcher.afterCue).
 */
const PREDICATES: Record<'no' | 'en', readonly string[]> = {
  no: ['lav', 'lavt', 'låg', 'lågt', 'liten', 'lita', 'lite', 'minimal', 'minimalt', 'knapp', 'knapt', 'begrenset', 'begrensa', 'avgrensa',
    'avgrenset', 'utilstrekkelig', 'utilstrekkeleg', 'mangelfull', 'mangelfullt', 'svak', 'svakt', 'dårlig', 'dårleg', 'anstrengt',
    'fraværende', 'fråverande'],
  en: ['low', 'little', 'minimal', 'scarce', 'limited', 'insufficient', 'inadequate', 'lacking', 'poor', 'weak', 'patchy', 'absent'],
};
/** Words of degree that may stand between the copula and the predicate: «er fortsatt svært lav», "is still very low". */
const DEGREES: Record<'no' | 'en', readonly string[]> = {
  no: ['svært', 'veldig', 'ganske', 'for', 'altfor', 'nokså', 'temmelig', 'relativt', 'forholdsvis', 'fortsatt', 'fremdeles', 'framleis',
    'stadig', 'generelt', 'dessverre', 'nok', 'ofte', 'rimelig', 'alt', 'jo'],
  en: ['very', 'quite', 'too', 'rather', 'fairly', 'pretty', 'still', 'generally', 'extremely', 'relatively', 'often', 'unfortunately', 'far'],
};
/**
 * Words that open the phrase a term's subject may have before its copula, besides PREPOSITIONS:
 * «Tilliten mellom ledelsen og de ansatte er lav.», "Support from the top is weak."
 */
const PHRASE_OPENERS: Record<'no' | 'en', readonly string[]> = {
  no: ['mellom', 'blant', 'hos', 'innad', 'internt', 'rundt', 'mot'],
  en: ['between', 'among', 'within', 'across', 'at', 'towards', 'around'],
};
/** Words that start a clause of their own inside a subject's phrase: «tid til kurs som er lite brukt» says the predicate of something else. */
const SUBORDINATORS: Record<'no' | 'en', readonly string[]> = {
  no: ['som', 'der', 'hvor', 'kor', 'at', 'når', 'fordi', 'hvis', 'dersom', 'da', 'mens', 'selv', 'sjølv', 'så'],
  en: ['that', 'which', 'who', 'whom', 'whose', 'where', 'when', 'because', 'if', 'while', 'so'],
};
/**
 * What may stand right before a term that is the subject of its clause: nothing, a conjunction or
 * a determiner (the term then opens its clause: «… og tilliten mellom oss er lav»).
 */
const SUBJECT_OPENERS: Record<'no' | 'en', readonly string[]> = {
  no: ['at', 'og', 'men', 'så', 'fordi', 'da', 'mens', 'den', 'det', 'de', 'vår', 'vårt', 'våre', 'hele', 'heile', 'all', 'alt', 'selve', 'sjølve'],
  en: ['that', 'and', 'but', 'so', 'because', 'while', 'the', 'our', 'all'],
};
/**
 * A judgement links a term to its predicate as a copula does, with «som» / "as": «Vi opplever
 * støtten fra ledelsen som svak», «Forankringen vurderes som svak», «Samarbeidet vurderer hun som
 * svakt», "I would describe the support as weak", "The support is seen as weak". The active verb
 * stands at most JUDGING_REACH words before the term, with no negation there or right before it,
 * or after the term with its subject before «som»; the passive one right before «som».
 */
const JUDGING_VERBS: Record<'no' | 'en', readonly string[]> = {
  no: ['opplever', 'opplevde', 'oppleve', 'vurderer', 'vurderte', 'vurdere', 'beskriver', 'beskrev', 'beskrive', 'oppfatter', 'oppfattet',
    'oppfatta', 'oppfatte', 'anser', 'anså', 'betegner', 'betegnet', 'betegne'],
  en: ['describe', 'describes', 'described', 'see', 'sees', 'saw', 'regard', 'regards', 'regarded', 'view', 'views', 'viewed',
    'perceive', 'perceives', 'perceived', 'rate', 'rates', 'rated'],
};
const PASSIVE_JUDGING: Record<'no' | 'en', readonly string[]> = {
  no: ['oppleves', 'opplevast', 'vurderes', 'vurderast', 'beskrives', 'beskrivast', 'oppfattes', 'oppfattast', 'anses', 'betegnes'],
  en: ['seen', 'described', 'regarded', 'viewed', 'perceived', 'rated'],
};
const JUDGING_LINKS: Record<'no' | 'en', readonly string[]> = {
  no: ['som'],
  en: ['as'],
};
const JUDGING_REACH = 3;

/** How many words a subject's phrase may have between the term and its copula (see PREDICATES). */
const PHRASE_REACH = 6;
/** How many words of degree may stand between the copula and the predicate. */
const DEGREE_REACH = 2;

/**
 * A call for more of something says there is too little of it: «Vi må få mer tid til
 * utviklingsarbeid.», «Ledelsen bør gi oss mer støtte.», "We must get more support." (MORE right
 * before the term, a NEED_MODALS word up to four words before that; see CueMatcher.beforeCue).
 */
const MORE: Record<'no' | 'en', readonly string[]> = {
  no: ['mer', 'meir', 'mere', 'flere', 'fleire'],
  en: ['more'],
};
const NEED_MODALS: Record<'no' | 'en', readonly string[]> = {
  no: ['må', 'bør', 'burde', 'måtte'],
  en: ['must', 'should', 'ought'],
};
/** Verbs that spend what the term names: «vi må bruke mer tid på rapportering» asks for no more of it. */
const SPENDING: Record<'no' | 'en', readonly string[]> = {
  no: ['bruke', 'bruker', 'brukte', 'brukt', 'ta', 'tar', 'tok', 'tatt', 'legge', 'leggje', 'kutte', 'spare', 'betale', 'koste', 'ofre'],
  en: ['spend', 'spends', 'spent', 'take', 'takes', 'put', 'cut', 'save', 'pay', 'cost', 'invest'],
};
/** How far before a call's MORE its modal may stand: «vi må få mer», «ledelsen bør gi oss mer». */
const NEED_REACH = 4;

/** What links a term to an obstacle noun: «er», «var», «blir», «is», «remains». */
const COPULAS: Record<'no' | 'en', readonly string[]> = {
  no: ['er', 'var', 'blir', 'ble', 'vart', 'blitt', 'være', 'vere', 'bli', 'vært', 'vore', 'vorte'],
  en: ['is', 'was', 'are', 'were', 'be', 'been', 'becomes', 'became', 'remains', 'remained'],
};

/**
 * The spoken «er» and «var» of much of the north and west: «Bemanninga e et problem». They link a
 * term to an obstacle after it only as «e et problem», with an article (see dialectLinked): «e» is
 * also a filler ("eh") and a letter, «va» also «hva».
 */
const DIALECT_COPULAS: Record<'no' | 'en', readonly string[]> = {
  no: ['e', 'va'],
  en: [],
};

/**
 * Negations that cancel a lack cue after them (double negation): «ikke mangel på tid», «ikke for
 * lite ressurser», «no lack of time», «not without support» speak of time and support that are there.
 */
const NEGATIONS: Record<'no' | 'en', readonly string[]> = {
  no: ['ikke', 'ikkje', 'ingen', 'inga', 'intet', 'inkje', 'aldri', 'itte', 'ittj', 'itj', 'ikkj', 'kje', 'ente', 'inte', "*'kje", "*'kke", "*'ke", 'hakke', 'ække', 'vakke',
    ...IKKE_NOE],
  en: ['not', 'no', 'never', "*n't", 'cannot'],
};

/** A copula and a negation in one word: «problemet e'kje tid», "the problem isn't support". */
const NEGATED_COPULAS: Record<'no' | 'en', readonly string[]> = {
  no: ["e'kje", "e'kke", "va'kje", "va'kke"],
  en: ["isn't", "wasn't", "aren't", "weren't"],
};

/** Cues after a term that mean lack only with a negation right after them: «tida strekker ikke til»; «tida strekker til» is enough time. */
const NEED_NEGATION: Record<'no' | 'en', readonly string[]> = {
  no: ['strekker'],
  en: [],
};

/**
 * Lack verbs: a negation cancels them from a distance after a term, «tid er ikke noe vi
 * mangler», and right before the negation before a term, «vi mangler ikke tid» (the verb comes
 * before «ikke» in a Norwegian main clause).
 */
const LACK_VERBS: Record<'no' | 'en', readonly string[]> = {
  no: ['mangl*', 'savn*', 'trenger', 'trengte', 'treng', 'trengs', 'trengst', 'trengt'],
  en: ['lack', 'lacks', 'lacking', 'lacked', 'missing', 'need', 'needs', 'needed'],
};

/**
 * A hypothetical wishes for what is not there: «hvis vi hadde hatt midler», «om vi hadde fått
 * øremerkede midler», "if we had had ring-fenced funding", "if there were ring-fenced funding".
 * «hadde»/"had"/"were" is a lack cue when «hvis», «om», «dersom» or "if" stands one or two words
 * before it, and no verb of asking before that (see ASKING).
 */
/**
 * What ought to have been there is not: «vi burde hatt mer støtte fra ledelsen», «det skulle vært
 * satt av tid», «vi skulle hatt et innovasjonsfond», "we should have had protected time". The
 * participle is a lack cue right after «burde»/«skulle» (maybe with «ha» between), or after
 * "should have".
 */
const DUTY_PERFECTS: Record<'no' | 'en', readonly string[]> = {
  no: ['hatt', 'vært', 'vore', 'fått'],
  en: ['had', 'been', 'got', 'gotten'],
};
const DUTY_MODALS: Record<'no' | 'en', readonly string[]> = {
  no: ['burde', 'skulle'],
  en: ['should', "should've"],
};
const DUTY_HAVE: Record<'no' | 'en', readonly string[]> = {
  no: ['ha'],
  en: ['have'],
};

const HYPOTHETICAL_VERBS: Record<'no' | 'en', readonly string[]> = {
  no: ['hadde'],
  en: ['had', 'were'],
};
/** Verbs before «om»/"if" that make it "whether": «vi spurte om de hadde fått tid», "I asked if they were given time". */
const ASKING: Record<'no' | 'en', readonly string[]> = {
  no: ['spurte', 'spør', 'spørre', 'spurt', 'lurte', 'lurer', 'vet', 'veit', 'visste', 'sjekket', 'sjekka', 'sjekke', 'undersøkte', 'avhenger'],
  en: ['asked', 'ask', 'asking', 'asks', 'wondered', 'wonder', 'know', 'knew', 'checked', 'check', 'see', 'unsure', 'depends'],
};
/**
 * Scarcity words that reach only the word after them (or "any" and it): "zero time", "barely any
 * time", "low willingness to take risks", "low trust"; not "a low-cost pilot", "low-hanging fruit".
 */
const NEAR_AMOUNTS: Record<'no' | 'en', readonly string[]> = {
  no: ['null'],
  en: ['zero', 'barely', 'scarcely', 'low'],
};
/** Words before a near amount that make it a starting point or a target, not an amount: "net zero", «fra null», "from zero". */
const NOT_AMOUNT_BEFORE: Record<'no' | 'en', readonly string[]> = {
  no: ['fra', 'frå', 'netto'],
  en: ['net', 'from'],
};
const HYPOTHETICAL_OPENERS: Record<'no' | 'en', readonly string[]> = {
  no: ['hvis', 'om', 'dersom', 'viss', 'visst'],
  en: ['if'],
};
/**
 * A need in a clause of condition is no lack: «Jeg kan flytte et besøk hvis noen trenger mer
 * tid», "if someone needs more time". The opener stands two or three words before the need verb,
 * its subject between, and no subject right after the verb («Hvis ikke, trenger vi mer tid» is a
 * main clause). Not «om» (also a preposition: «Om høsten trenger vi mer tid») nor «når» / "when"
 * («I perioder når vi trenger mer tid, får vi det ikke» is a lack).
 */
const NEED_VERBS: Record<'no' | 'en', readonly string[]> = {
  no: ['trenger', 'trengte', 'treng', 'trong', 'trengs', 'trengst'],
  en: ['need', 'needs', 'needed'],
};
/** Personal pronouns that, right after a verb, show a main clause's inverted order: «Hvis ikke, trenger vi …». */
const PRONOUN_SUBJECTS: Record<'no' | 'en', readonly string[]> = {
  no: ['vi', 'me', 'jeg', 'eg', 'æ', 'de', 'dei', 'han', 'hun', 'ho', 'man', 'dere', 'dokker'],
  en: ['we', 'i', 'they', 'you', 'he', 'she'],
};
const CONDITION_OPENERS: Record<'no' | 'en', readonly string[]> = {
  no: ['hvis', 'dersom', 'viss'],
  en: ['if'],
};

/**
 * A cleft that denies the term: «det er ikke pengene som er problemet», «det er ikke tid vi
 * mangler», "it's not the money that's the problem". The negation after «det er» / "it is" is the
 * cleft's, and says what the problem is not: no lack. Told from «det er ikke tid til utvikling»
 * (there is no time) by what follows the term: «som», a subject pronoun, "that".
 */
const CLEFT_OPENERS: Record<'no' | 'en', readonly string[]> = {
  no: ['det', 'dette'],
  en: ['it', 'this'],
};
const CONTRACTED_CLEFTS: Record<'no' | 'en', readonly string[]> = {
  no: [],
  en: ["it's", "it’s"],
};
const CLEFT_AFTER: Record<'no' | 'en', readonly string[]> = {
  no: ['som', 'vi', 'jeg', 'eg', 'æ', 'de', 'dei', 'man', 'han', 'hun', 'ho', 'dere', 'dykk', 'dokker', 'det'],
  en: ['that', "that's", "that’s", 'which', 'we', 'i', 'they', 'you'],
};

/** After «det», a cleft goes on with one of these: «det er ikkje tida det står på», «… det handler om»; not «det er ikke tid det første året». */
const CLEFT_DET_VERBS: Record<'no' | 'en', readonly string[]> = {
  no: ['står', 'sto', 'stod', 'handler', 'handla', 'handlet', 'gjelder', 'gjaldt', 'dreier', 'dreide', 'kommer', 'kjem', 'skorter', 'skortar'],
  en: [],
};

/**
 * A lack verb under a denied frame is no lack: «jeg vil ikke si at vi mangler tid», «det er ikke
 * sånn at vi mangler midler», «jeg tror ikke vi mangler støtte», "I wouldn't say we lack support",
 * "I don't think we lack time", "it's not that we lack funding". The frame word has a negation
 * right before or after it, at most FRAME_REACH words before the verb.
 */
const FRAMES: Record<'no' | 'en', readonly string[]> = {
  no: ['si', 'seie', 'seia', 'sånn', 'slik', 'tror', 'trur', 'mener', 'meiner', 'påstå'],
  en: ['say', 'think', 'believe', 'claim', 'that'],
};
const FRAME_REACH = 5;

/**
 * After an article, «lite» and "little" say small, not scarce: «et lite tilskudd», «et lite
 * team», "a little time" (some time). Without one they are lack cues: «lite tid», "little time".
 */
const ARTICLES: Record<'no' | 'en', readonly string[]> = {
  no: ['et', 'ei', 'en', 'eit', 'ein'],
  en: ['a'],
};
const SMALL: Record<'no' | 'en', readonly string[]> = {
  no: ['lite', 'lita', 'liten'],
  en: ['little'],
};

/**
 * Before a word of judgement, «lite» is a degree, not an amount: «Penger? – Lite relevant for
 * oss.», «tid er lite viktig» say that the factor matters little, not that there is too little
 * of it. Right before the term the judgement is the term's («lite relevant kompetanse» is too
 * little of it), and other words after «lite» say how little there is («lite tilgjengelige»,
 * «lite prioritert»). English says "of little relevance", which has no term after "little".
 */
const JUDGEMENTS: Record<'no' | 'en', readonly string[]> = {
  no: [
    'relevant', 'relevante', 'aktuell', 'aktuelt', 'aktuelle', 'viktig', 'viktige', 'interessant', 'interessante',
    'sannsynlig', 'sannsynleg', 'sannsynlige', 'realistisk', 'realistiske', 'nyttig', 'nyttige', 'hensiktsmessig',
    'hensiktsmessige', 'føremålstenleg', 'avgjørende', 'avgjerande', 'sentral', 'sentralt', 'sentrale', 'vesentlig',
    'vesentleg', 'problematisk', 'problematiske', 'påtrengende', 'påtrengande', 'tema', 'omtalt', 'omtala',
  ],
  en: [],
};

/**
 * A negation that belongs to a verb of cost or duration says nothing is lacking: «løsningen
 * koster ikke penger», "it doesn't cost money", «det tar ikke lang tid», "it doesn't take much
 * time". The verb stands right before the negation (a Norwegian main clause) or right after it
 * («fordi det ikke koster penger», "doesn't take"); with a verb of duration an amount word stands
 * right before the term (not «vi tar oss ikke tid», which is time not taken).
 */
const COST_VERBS: Record<'no' | 'en', readonly string[]> = {
  no: ['koster', 'kostet', 'kosta', 'kostar', 'koste'],
  en: ['cost', 'costs', 'costing'],
};
const DURATION_VERBS: Record<'no' | 'en', readonly string[]> = {
  no: ['tar', 'tok', 'tatt', 'ta', 'tek', 'teke'],
  en: ['take', 'takes', 'took', 'taken', 'taking'],
};
const AMOUNTS: Record<'no' | 'en', readonly string[]> = {
  no: ['lang', 'mye', 'mykje', 'særlig', 'noe', 'noko'],
  en: ['long', 'much', 'any', 'more'],
};

/**
 * «Aldri» (and «sjelden», "rarely") with a comparison says there is more now than ever: «vi har aldri hatt så mye tid som
 * nå», «sjelden hatt så mye tid som nå», "we have never had as much support as now". The negation is the comparison's when an
 * amount word with «så»/"as"/"so" stands right before the term and «som»/"as" right after it.
 * Not with «ikke»: «vi har ikke så mye tid som vi trenger» is a lack.
 */
const NEVER: Record<'no' | 'en', readonly string[]> = {
  no: ['aldri', 'sjelden', 'sjeldan'],
  en: ['never', 'rarely', 'seldom'],
};
const COMPARE_BEFORE: Record<'no' | 'en', readonly string[]> = {
  no: ['så'],
  en: ['as', 'so'],
};
const COMPARE_AMOUNTS: Record<'no' | 'en', readonly string[]> = {
  no: ['mye', 'mykje', 'mange', 'god', 'godt', 'gode', 'stor', 'stort', 'store', 'sterk', 'sterkt'],
  en: ['much', 'many', 'good', 'strong', 'great'],
};
const COMPARE_AFTER: Record<'no' | 'en', readonly string[]> = {
  no: ['som'],
  en: ['as'],
};
const COMPARE_REACH = 4;

/**
 * Denial frames: the words after a negation that make it deny the whole clause after them. A
 * negation under one is denied («det er ikke sånn at vi ikke har tid», «det er ikke det at vi ikke
 * har tid», "it's not that we don't have time" are time that is there), and so is a lack cue
 * («Det er ikke sånn at vi mangler penger», "It is not as if we lack money"); a term with no cue
 * is denied by the frame (see CueMatcher.denialFrame). «sånn» and «slik» may have «at» after them;
 * "that" needs a subject after it ("it's not that simple" is no frame).
 */
const DENIAL_FRAMES: Record<'no' | 'en', readonly string[]> = {
  no: ['sånn', 'slik', 'sånt', 'slikt', 'det at'],
  en: ['that', 'as if', 'as though'],
};
const FRAME_SUBJECTS: Record<'no' | 'en', readonly string[]> = {
  no: [],
  en: ['we', 'i', 'they', 'you', 'people', 'staff', 'there', 'management', 'the', 'our', "we've", "they've", "we're", "they're"],
};
/** Words that may stand between a copula and a frame's negation: «Det er jo ikke sånn at», "It's just not that". */
const FRAME_FILLERS: Record<'no' | 'en', readonly string[]> = {
  no: ['jo', 'nå', 'vel', 'heller', 'altså', 'liksom', 'egentlig', 'eigentleg', 'bare', 'berre', 'nok', 'kanskje'],
  en: ['just', 'really', 'simply', 'exactly', 'quite'],
};
/**
 * The subjects that may stand between a frame and a term it denies with no cue of its own, with
 * verbs of having and being (DENIAL_VERBS, COPULAS): «… at vi har fått tid», «… at det er satt av
 * tid»; a term elsewhere in the clause is not what it denies («… at vi blir bedre av å få penger»).
 */
const FRAME_CLAUSE_SUBJECTS: Record<'no' | 'en', readonly string[]> = {
  no: [...PRONOUN_SUBJECTS.no, 'dem', 'folk', 'dykk', 'det', 'den', 'dette', 'noen', 'nokon'],
  en: [...PRONOUN_SUBJECTS.en, "we've", "we're", "they've", "they're", "i've", 'it', 'people', 'staff', 'there', 'the', 'our', 'any', 'a', 'an', 'much', 'enough'],
};
/**
 * Words of change or less after a term in a denial frame's clause: the frame denies the change,
 * not the term («Det er ikke sånn at byråkratiet har blitt mindre», "It is not as if the
 * bureaucracy disappears by itself": the barrier is there), so the frame leaves the term alone.
 */
const FRAME_CHANGES: Record<'no' | 'en', readonly string[]> = {
  no: ['mindre', 'færre', 'lavere', 'lågare', 'redusert', 'redusera', 'minket', 'minka', 'minsket', 'borte', 'forsvinner', 'forsvinn', 'forsvant',
    'forsvann', 'forsvunnet', 'forsvunne', 'vekk', 'bedre', 'betre'],
  en: ['less', 'fewer', 'lower', 'smaller', 'reduced', 'disappears', 'disappear', 'disappeared', 'gone', 'shrinks', 'shrunk', 'vanishes', 'better'],
};
/** How many words after a denial frame a term may begin: «Det er ikke sånn at ledelsen i kommunen er imot nye ting». */
export const DENIAL_REACH = 8;

/**
 * A former state: a clause that the past marks (PAST_PHRASES anywhere in it, PAST_EDGES at either
 * end of it, or a clause of its own right before it: "At first, …"), whose next clause opens with
 * a word of now (PRESENT_OPENERS), speaks of what has since changed: «Før hadde vi ikke tid, nå har
 * vi fredagene», «Det var mye motstand i starten, men nå er alle med», "We used to have no time,
 * but now …". Neither the lack nor the promoter of the past clause is coded; the clause of now is.
 */
const PAST_PHRASES: Record<'no' | 'en', readonly string[]> = {
  no: ['i starten', 'i begynnelsen', 'i byrjinga', 'i førstninga', 'i oppstarten', 'til å begynne med', 'til å byrje med', 'den gangen', 'den gongen',
    'i gamle dager', 'i gamle dagar', 'før i tida', 'før i tiden', 'før i tia', 'i fjor'],
  en: ['at first', 'in the beginning', 'at the beginning', 'at the start', 'used to', 'back then', 'in the past', 'last year', 'in those days'],
};
/**
 * Past words at an end of a clause: at its start, not before a subject («Før vi begynte …» is a
 * time, not a state) nor as «først og fremst», «først da», «først nå»; at its end, not after a
 * comparison («like lite som før», «mer enn tidligere»).
 */
const PAST_EDGES: Record<'no' | 'en', readonly string[]> = {
  no: ['før', 'tidligere', 'tidlegare', 'først'],
  en: ['before', 'earlier', 'previously', 'initially', 'originally', 'formerly'],
};
const PAST_EDGE_NOT_BEFORE: Record<'no' | 'en', readonly string[]> = {
  no: ['og', 'da', 'når', 'nå', 'no', 'etter', 'enn'],
  en: ['and', 'then', 'when', 'now', 'that', 'than'],
};
/** Before a past word or phrase, a comparison or a span up to now: «enn i fjor», «som før», «siden i fjor», "than last year", "since last year". */
const PAST_EDGE_NOT_AFTER: Record<'no' | 'en', readonly string[]> = {
  no: ['enn', 'som', 'aldri', 'siden', 'sidan', 'sia', 'fra', 'frå'],
  en: ['than', 'as', 'never', 'ever', 'since', 'from'],
};
/** Before "used to", a form of be or get makes it "accustomed to": "we are used to tight budgets". */
const USED_TO_NOT_AFTER = ['am', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'get', 'gets', 'got', 'getting', "i'm", "we're", "they're",
  "you're", "he's", "she's", "it's", "we've", "they've"];
/** After "in the past", a span up to now: "in the past three years". */
const SPAN_AFTER = ['few', 'couple', 'several', 'two', 'three', 'four', 'five', 'six', 'ten', 'months', 'years', 'weeks', 'decade', 'year', 'month'];
/** The most words of an aside between a former state and the clause of now: «det skal jeg innrømme». */
const ASIDE_WORDS = 4;
const PRESENT_OPENERS: Record<'no' | 'en', readonly string[]> = {
  no: ['nå', 'no', 'i dag', 'idag', 'i år', 'etter hvert', 'etter kvart', 'nå til dags', 'nåtildags', 'no til dags'],
  en: ['now', 'today', 'these days', 'nowadays', 'this year'],
};
/** Words that may open the clause of now before its word of now: «men nå», «mens i dag», "but now". */
const PRESENT_CONNECTORS: Record<'no' | 'en', readonly string[]> = {
  no: ['men', 'mens', 'og', 'så', 'derimot'],
  en: ['but', 'and', 'while', 'whereas', 'so'],
};
/**
 * Words that say the state goes on rather than changed; in either clause, there is no former
 * state: «Før hadde vi lite tid, og nå har vi enda mindre», «… nå er det fortsatt sånn». So do
 * «det samme», "the same" at the end of a clause (SAME), a recurring time in the past clause
 * (RECURRING), growth (GROWN, «en hel», "a whole") or a negation in the clause of now.
 */
const GOING_ON: Record<'no' | 'en', readonly string[]> = {
  no: ['fortsatt', 'fremdeles', 'framleis', 'enda', 'ennå', 'enno', 'også', 'òg', 'heller', 'stadig', 'like', 'verre', 'værre', 'mindre', 'færre', 'aldri',
    'alltid'],
  en: ['still', 'also', 'too', 'even', 'either', 'yet', 'again', 'worse', 'less', 'fewer', 'never', 'always'],
};
/** «samme», "same": the state goes on only as «det samme» at a clause's end or before «som»; «de samme brukerne» is no continuity. */
const SAME = ['samme', 'same'];
/** «hel», "whole": growth only after an article, «en hel avdeling»; «hele tiden» is no amount. */
const WHOLE = ['hel', 'hele', 'heil', 'heile', 'whole'];
/** In the past clause, words that make it a recurring time, not a state that ended: «I starten av hvert prosjekt …». */
const RECURRING: Record<'no' | 'en', readonly string[]> = {
  no: ['hver', 'hvert', 'kvar', 'kvart'],
  en: ['every', 'each'],
};
/** In the clause of now, words that say the state has grown: «… i dag har vi en hel avdeling», «… nå har vi flere». */
const GROWN: Record<'no' | 'en', readonly string[]> = {
  no: ['mer', 'meir', 'flere', 'fleire'],
  en: ['more'],
};

/**
 * A negation right before a noun of doubt or obstacle is that noun's: «det er ingen tvil om at
 * tilliten er stor», «vi har ingen problemer med tid», "no doubt the trust is there".
 */
const DOUBTS: Record<'no' | 'en', readonly string[]> = {
  no: ['tvil', 'tvilen', 'tvisyn'],
  en: ['doubt'],
};

/**
 * Words that may stand between a negation and a term that is one side of a factor in itself
 * (`polarity: inherent`) without taking the negation off it: «ingen tidspress», «ikke lenger noe
 * tidspress», "no real bureaucracy". Not «bare»/"only": «ikke bare silotenkning, men …» is
 * silo thinking and more.
 */
const DENIAL_FILLERS: Record<'no' | 'en', readonly string[]> = {
  no: ['noe', 'noen', 'noko', 'nokon', 'lenger', 'lengre', 'mer', 'meir', 'særlig', 'særleg', 'spesielt', 'nevneverdig',
    'stort', 'store', 'så', 'mye', 'mykje', 'egentlig', 'eigentleg'],
  en: ['any', 'more', 'longer', 'much', 'really', 'real', 'major', 'big', 'a', 'an'],
};
/** Prepositions that may stand between a lack word and what it says is missing: «mangel på kurs», "lack of training". */
const LACK_LINKS: Record<'no' | 'en', readonly string[]> = {
  no: ['på', 'av', 'om', 'for', 'til'],
  en: ['of', 'for', 'in'],
};
/**
 * Words that may stand, besides DENIAL_FILLERS, between a negation and the obstacle noun it
 * denies: «ikke et veldig stort problem», "not the problem", "not much of an issue".
 */
const OBSTACLE_ARTICLES: Record<'no' | 'en', readonly string[]> = {
  no: ['et', 'en', 'ei', 'eit', 'ein', 'det', 'den', 'veldig', 'svært', 'stor', 'alvorlig', 'alvorleg'],
  en: ['the', 'of', 'very', 'particularly', 'huge', 'massive', 'great', 'serious'],
};

/**
 * Verbs that may also stand there after a negation of a verb («ikke», "not", "don't"): «vi har
 * ikke hatt budsjettkutt», "we don't have silos". Not after «ingen»/"no", which before a verb is
 * its subject: «ingen har kalt det innovasjon» (nobody has called it that) denies nothing.
 */
const DENIAL_VERBS: Record<'no' | 'en', readonly string[]> = {
  no: ['har', 'hatt', 'ha', 'hadde', 'opplevd', 'opplevde', 'sett', 'fått', 'fikk', 'fekk', 'tatt', 'tok', 'teke', 'gått', 'gikk', 'gjekk',
    'deltatt', 'deltok', 'vært', 'vore'],
  en: ['have', 'has', 'had', 'seen', 'experienced', 'got', 'gotten', 'taken', 'took', 'gone', 'been', 'attended', 'received', 'given'],
};
/**
 * How far a negating subject reaches a term after its verb, past a phrase of who it is: «Ingen i
 * enheten har tatt kurs i tjenestedesign», «Ingen av oss har fått opplæring», "Nobody on the team
 * has had training" deny the courses and the training (see CueMatcher.reachesFar).
 */
export const SUBJECT_REACH = 8;
/** Participles of having and taking part, after which a negating subject denies the term: «Ingen har tatt kurs». */
const SUBJECT_VERBS: Record<'no' | 'en', readonly string[]> = {
  no: ['hatt', 'fått', 'tatt', 'teke', 'gått', 'deltatt', 'vært', 'vore'],
  en: ['had', 'got', 'gotten', 'taken', 'attended', 'been', 'received'],
};
/** How many words the phrase after a negating subject may have: «ingen av de ansatte», «ingen på avdelinga». */
const SUBJECT_PHRASE = 3;
/** Negations that are a determiner or a subject, not a verb's: «ingen tidspress», "no silos". */
const NEGATING_DETERMINERS: Record<'no' | 'en', readonly string[]> = {
  no: ['ingen', 'inga', 'intet', 'inkje', 'ingenting', ...IKKE_NOE],
  en: ['no', 'nobody', "nobody's", 'none', 'nothing'],
};
/**
 * A negation that is the subject, and so may be followed by a copula before an adjective term
 * it denies: «ingen er redde for å feile», "nobody is scared of", "nobody's resistant to", "no one
 * is afraid of" (with «one» after «no»). Other verbs after it deny nothing: «ingen har kalt det
 * innovasjon» is said of the word, not the thing.
 */
const SUBJECT_NEGATIONS: Record<'no' | 'en', readonly string[]> = {
  no: ['ingen'],
  en: ['nobody', "nobody's"],
};
/** Two words that are a negating subject together (see SUBJECT_NEGATIONS): "no one", "not one". */
const SUBJECT_PAIRS: Record<'no' | 'en', readonly string[]> = {
  no: [],
  en: ['no one', 'not one'],
};
/** Words of a comparison: after a negating subject and a copula they compare rather than deny. */
const COMPARATIVES: Record<'no' | 'en', readonly string[]> = {
  no: ['så', 'mer', 'meir', 'mest', 'mindre'],
  en: ['more', 'most', 'less', 'as', 'so'],
};
/** Lack words that grade what is there rather than say it is missing: «dårlig kurs», "fewer courses" (see opposes). */
const QUALITY_LACKS: Record<'no' | 'en', readonly string[]> = {
  no: ['dårlig', 'dårleg', 'dårlige', 'svak', 'svake', 'mindre', 'begrens*', 'avgrens*', 'knapp', 'knappe'],
  en: ['poor', 'weak', 'less', 'fewer', 'limited', 'worse'],
};
/** Prepositions: a term right after one modifies the word before it («kurs i tjenestedesign», "training in service design"). */
const PREPOSITIONS: Record<'no' | 'en', readonly string[]> = {
  no: ['i', 'på', 'av', 'om', 'for', 'til', 'med', 'fra', 'frå'],
  en: ['in', 'on', 'of', 'about', 'for', 'with', 'from'],
};
/** What follows a verb of asking when it reports a question: «spurte om», "asked if", "asked whether". */
const ASKED_IF: Record<'no' | 'en', readonly string[]> = {
  no: ['om'],
  en: ['if', 'whether'],
};
/** Modals after a denied term that make a rule of thumb of it: «ingen kurs kan erstatte erfaring», "no training can replace". */
const MODALS: Record<'no' | 'en', readonly string[]> = {
  no: ['kan', 'kunne', 'skal', 'vil', 'bør', 'må', 'kjem', 'kommer'],
  en: ['can', 'could', 'will', 'would', 'should', 'must', 'may', 'might'],
};

/** How far after a negation a lack verb cancels it (the negation after a term). */
const VERB_REACH = 3;

/** Between a negation and a cue, these keep the cue: «ikke bare mangel på tid» (not only a lack of time). */
const RESTRICTORS: Record<'no' | 'en', readonly string[]> = {
  no: ['bare', 'berre', 'kun'],
  en: ['only', 'just', 'merely'],
};

/**
 * Reported speech is a hedge only when the contrast after it is about what happens in practice:
 * «lederen sier at vi har frie tøyler. I praksis må alt godkjennes», «arbeidsgiver sier vi har
 * frihet, men det er ikke sånn i praksis». Third-person notes report everything that way, so
 * with any other contrast it takes nothing back: «hun sier at de har god støtte fra ledelsen,
 * men de mangler penger» is support. Talk is such speech too: «Tverrfagleg samarbeid er noko alle
 * snakkar om, men det skjer lite i praksis».
 */
const REPORTED_SPEECH: Record<'no' | 'en', readonly string[]> = {
  no: ['sier', 'seier', 'påstår', 'hevder', 'snakker', 'snakkar', 'snakket', 'snakka', 'prater', 'pratar', 'pratet', 'prata'],
  en: ['says', 'claims', 'talk', 'talks', 'talked', 'talking'],
};
/** Words that make a contrast one about practice, within its first PRACTICE_REACH words. */
const PRACTICE: Record<'no' | 'en', readonly string[]> = {
  no: ['praksis', 'realiteten', 'virkeligheten', 'røynda', 'røyndomen'],
  en: ['practice', 'reality'],
};
const PRACTICE_REACH = 8;

/**
 * Hedges: said of a factor, with a contrast after the clause, they take its presence back: «vi
 * har avsatt tid på papiret, men …», «det sies at det er lov å feile, men …», "in theory we
 * have dedicated time. But …". Several words: the last one is looked for, the others before it.
 */
const HEDGES: Record<'no' | 'en', readonly string[]> = {
  no: ['på papiret', 'i teorien', 'i prinsippet', 'sies', 'seiast', 'seiest', 'visstnok', 'angivelig', 'offisielt', 'formelt', 'tilsynelatende',
    ...REPORTED_SPEECH.no],
  en: ['on paper', 'in theory', 'in principle', 'supposedly', 'allegedly', 'officially', 'formally', 'ostensibly', ...REPORTED_SPEECH.en],
};

/**
 * Attempts: a verb of trying before «å» / "to", with a contrast after its clause, takes the
 * presence of what was tried back, as a hedge does: «Æ har prøvd å sette av en time i uka, men den
 * bli spist opp», «Vi har prøvd å dele opplegg på ein felles plattform, men …», "We tried to set
 * aside Friday afternoons, but …". Only a term after the verb (what was tried, not who tried or
 * what was there before: «Vi har avsatt tid og prøver å bruke den godt, men …»); not «prøvd ut» /
 * "tried out" (done), nor without a contrast, nor when the contrast says it worked (ATTEMPT_WORKED).
 */
const ATTEMPTS: Record<'no' | 'en', readonly string[]> = {
  no: ['prøvd', 'prøvde', 'prøver', 'prøvt', 'forsøkt', 'forsøkte', 'forsøker', 'freista', 'freistar', 'freistet'],
  en: ['tried', 'tries', 'try', 'trying', 'attempted', 'attempts', 'attempt', 'attempting'],
};
/**
 * Questions that ask what hinders: a what-question with one of these words («Hva hemmer innovasjon
 * hos dere?», «Kva er dei største utfordringane?», "What are the main barriers?"). A short answer
 * to one names obstacles: a term that says nothing on its own in it is a lack («Tid. Og penger.»).
 * Not when the question also asks what helps (OBSTACLE_QUESTION_HELP).
 */
const OBSTACLE_QUESTION: Record<'no' | 'en', readonly string[]> = {
  no: ['hindrer', 'hindra', 'hindret', 'hemmer', 'hemmar', 'hemma', 'hemmet', 'bremser', 'bremsar', 'hinder', 'hinderet',
    'hindringer', 'hindringar', 'hindringene', 'hindringane', 'utfordring', 'utfordringa', 'utfordringen', 'utfordringer', 'utfordringar',
    'utfordringene', 'utfordringane', 'barrierer', 'barrierar', 'barrierene', 'barrierane', 'problem', 'problemet', 'problemer', 'problema',
    'problemene', 'vanskeligst', 'vanskelegast', 'vanskeligste', 'vanskelegaste'],
  en: ['hinders', 'hinder', 'hindered', 'hindering', 'obstacle', 'obstacles', 'barrier', 'barriers', 'challenge', 'challenges', 'problem',
    'problems', 'hardest', 'difficulties', 'blocks', 'blockers'],
};
/**
 * Phrases that name hindrance in a question as OBSTACLE_QUESTION's words do: «Hva holder dere
 * tilbake?», «Kva står i vegen?», "What holds you back most?", "What gets in the way?". A verb and
 * its particle may have one word between them («holder dere tilbake», "holds you back").
 */
const OBSTACLE_QUESTION_PHRASES: Record<'no' | 'en', readonly (readonly string[])[]> = {
  no: [['holder', 'tilbake'], ['held', 'tilbake'], ['held', 'att'], ['holder', 'igjen'], ['held', 'igjen'], ['i', 'veien'], ['i', 'vegen']],
  en: [['holds', 'back'], ['hold', 'back'], ['holding', 'back'], ['held', 'back'], ['in', 'the', 'way']],
};
const OBSTACLE_QUESTION_HELP: Record<'no' | 'en', readonly string[]> = {
  no: ['fremmer', 'fremmar', 'hjelper', 'hjelpe', 'hjelp', 'bidrar', 'bidreg', 'lettere', 'lettare', 'løser', 'løyser', 'løse', 'løyse', 'overvinne', 'fungerer', 'fungerte', 'løst'],
  en: ['helps', 'help', 'helped', 'overcome', 'solve', 'solved', 'promotes', 'enables', 'works', 'worked', 'easier'],
};

/** The infinitive marker an attempt takes (see ATTEMPTS). */
const ATTEMPT_MARKER: Record<'no' | 'en', string> = { no: 'å', en: 'to' };
/** Words in the first ATTEMPT_REACH words of the contrast that say the attempt worked: «…, men nå har vi det endelig». */
const ATTEMPT_WORKED: Record<'no' | 'en', readonly string[]> = {
  no: ['nå', 'no', 'endelig', 'endeleg', 'omsider', 'fungerer', 'funker', 'virker', 'verkar', 'lyktes', 'lykkes', 'klarte', 'plass'],
  en: ['now', 'finally', 'eventually', 'works', 'worked', 'succeeded', 'managed', 'place'],
};
const ATTEMPT_REACH = 6;

/** Words that begin the contrast after a hedge; several words must come in that order. */
const CONTRASTS: Record<'no' | 'en', readonly string[]> = {
  no: ['men', 'derimot', 'i praksis', 'i realiteten', 'i virkeligheten', 'i røynda'],
  en: ['but', 'however', 'yet', 'in practice', 'in reality'],
};

/** Words that, last in a short value, say there is too little of the label (see isScarceValue). */
const SCARCE_VALUES: Record<'no' | 'en', readonly string[]> = {
  no: ['lite', 'lita', 'knapt', 'knapp', 'knappe', 'begrenset', 'begrensa', 'avgrensa', 'avgrenset', 'utilstrekkelig', 'utilstrekkeleg',
    'svak', 'svake', 'dårlig', 'dårleg', 'dårlige', 'mangelfull', 'mangelfullt', 'mangelfulle', 'minimal', 'minimalt'],
  en: ['little', 'scarce', 'insufficient', 'inadequate', 'limited', 'poor', 'weak', 'lacking', 'patchy', 'minimal'],
};
/**
 * Words that open a question asking for more than a yes or a no: what, how, why. A no after one
 * is a filler («Hva bruker dere tida på? Nei, det vet jeg ikke.»), and nothing in it is denied.
 */
const WH_WORDS: Record<'no' | 'en', readonly string[]> = {
  no: ['hva', 'hvem', 'hvor', 'hvordan', 'hvorfor', 'hvilken', 'hvilket', 'hvilke', 'når', 'kva', 'kven', 'kvar', 'korleis', 'kvifor', 'kvifør',
    'ka', 'kem', 'kor', 'koffer', 'kossen', 'åssen', 'hvafor', 'kofør'],
  en: ['what', 'who', 'whom', 'whose', 'where', 'how', 'why', 'which', 'when'],
};

/**
 * Cues after a term that say it is limited, which counts as lack only with a word between (a
 * copula: «tida er begrenset», "our time is limited"; not "time-limited projects") and not before
 * what it is limited to («begrenset til to år», "limited to two days").
 */
const LIMITED: Record<'no' | 'en', readonly string[]> = {
  no: ['begrenset', 'begrensa', 'avgrensa', 'avgrenset'],
  en: ['limited'],
};
const LIMITED_TO: Record<'no' | 'en', readonly string[]> = {
  no: ['til', 'av', 'med'],
  en: ['to', 'by', 'in'],
};

/** Prepositions that are often a verb's particle before a term: «satt av tid», «tatt av tida». */
const PARTICLES: Record<'no' | 'en', readonly string[]> = {
  no: ['av'],
  en: [],
};

/** What a wh-word takes to ask about a topic rather than for more than a yes or a no: «hva med», "what about". */
const ABOUT: Record<'no' | 'en', readonly string[]> = {
  no: ['med'],
  en: ['about'],
};

/** Words that say an amount suffices: after a negation they say there is too little (see negatedAnswer). */
const ENOUGH: Record<'no' | 'en', readonly string[]> = {
  no: ['nok', 'tilstrekkelig', 'tilstrekkeleg'],
  en: ['enough', 'sufficient'],
};

/** Words of time or degree that may follow a value's «ingen» (see saysNone). */
const NONE_FOLLOWERS: Record<'no' | 'en', readonly string[]> = {
  no: ['i', 'år', 'fjor', 'ennå', 'enda', 'foreløpig', 'førebels', 'så', 'langt', 'nå', 'no', 'lenger', 'lengre', 'egentlig', 'eigentleg', 'det', 'hele', 'heile', 'tatt', 'dessverre', 'heller', 'per', 'dags', 'dato',
    'siden', 'sidan', 'på', 'mange'],
  en: ['this', 'year', 'years', 'yet', 'so', 'far', 'now', 'anymore', 'any', 'more', 'really', 'at', 'all', 'unfortunately', 'either', 'to', 'date', 'currently',
    'since', 'in', 'for', 'many'],
};

/**
 * Pronouns that take up a topic put first: «Avsatt tid, det har vi ikke.», «Støtte fra ledelsen,
 * den får vi aldri.», "Protected time, that we don't have."
 */
const RESUMPTIVES: Record<'no' | 'en', readonly string[]> = {
  no: ['det', 'dét', 'den', 'de', 'dei', 'dem', 'sånt', 'slikt'],
  en: ['that', 'it', 'them', 'those'],
};

/**
 * Words of a loss, for what a contrast after the term's clause says became of it: «Det ble satt av
 * tid i starten, men den forsvant fort.», «Vi hadde prosjektmidler, men de ble kuttet.», "We had a
 * fund, but it was scrapped."
 */
const LOSSES: Record<'no' | 'en', readonly string[]> = {
  no: ['forsvant', 'forsvann', 'forsvunnet', 'forsvunne', 'borte', 'kuttet', 'kutta', 'fjernet', 'fjerna', 'nedlagt', 'nedlagd', 'vekk', 'oppbrukt',
    ...PASSIVE_LOSSES.no],
  en: ['disappeared', 'gone', 'cut', 'scrapped', 'dropped', 'withdrawn', 'ended', 'lost', ...PASSIVE_LOSSES.en],
};

/**
 * Applying for something and being turned down is not having it: «Vi søkte om prosjektmidler, men
 * fikk avslag.», «Vi har søkt om innovasjonsmidler flere ganger uten å få noe.», "we applied for a
 * grant but were turned down". A verb or noun of applying, a preposition, maybe one word, then the
 * term; and a refusal or a negation later in the sentence (REFUSALS). An application still pending,
 * or for a course (a remedy under way), is left as it is.
 */
const APPLYING: Record<'no' | 'en', readonly string[]> = {
  no: ['søke', 'søker', 'søkte', 'søkt', 'søkje', 'søkjer', 'søknad', 'søknaden', 'søknader', 'søknadene', 'søknadane'],
  en: ['apply', 'applies', 'applied', 'applying', 'application', 'applications', 'bid', 'bids', 'bidding'],
};
const APPLYING_FOR: Record<'no' | 'en', readonly string[]> = {
  no: ['om', 'på'],
  en: ['for'],
};
const REFUSALS: Record<'no' | 'en', readonly string[]> = {
  no: ['avslag', 'avslått', 'avslo', 'avslegen', 'avslege', 'avvist', 'avviste', 'avvist', 'nei', 'uten', 'utan'],
  en: ['rejected', 'refused', 'declined', 'unsuccessful', 'down', 'without'],
};

/**
 * Rhetorical questions that say nobody has the thing, or it is nowhere to be had: «Hvem har tid
 * til sånt?», «Kven har vel råd til det?», «Når skal vi få tid til det?», «Hvor skal pengene
 * komme fra?», "Who has time for that?", "Where would the money come from?" (see
 * CueMatcher.rhetorical).
 */
const RHETORICAL_WHO: Record<'no' | 'en', readonly string[]> = {
  no: ['hvem', 'kven', 'kem', 'kæm'],
  en: ['who'],
};
const RHETORICAL_WHEN: Record<'no' | 'en', readonly string[]> = {
  no: ['når'],
  en: ['when'],
};
const RHETORICAL_WHERE: Record<'no' | 'en', readonly string[]> = {
  no: ['hvor', 'kor', 'hvorfra', 'korfrå'],
  en: ['where'],
};
const RHETORICAL_VERBS: Record<'no' | 'en', readonly string[]> = {
  no: ['har', 'hadde', 'får', 'fikk', 'fekk', 'skal', 'skulle', 'ska', 'sku', 'kan', 'kunne'],
  en: ['has', 'had', 'gets', 'got', 'will', 'would', 'can', 'could', 'should', 'do', 'does', 'is', 'are'],
};
/**
 * The verbs a rhetorical when or where asks with, and its subjects: what is to come, for the
 * speaker's own side, not what was or what another has («Når fikk dere tid til det?», «Når får
 * dere tid til utviklingsarbeid?», "When do you have time?" ask).
 */
const RHETORICAL_MODALS: Record<'no' | 'en', readonly string[]> = {
  no: ['skal', 'skulle', 'ska', 'sku', 'får', 'kan', 'kunne'],
  en: ['will', 'would', 'can', 'could', 'should'],
};
const RHETORICAL_SUBJECTS: Record<'no' | 'en', readonly string[]> = {
  no: ['vi', 'me', 'jeg', 'eg', 'man', 'en', 'folk'],
  en: ['we', 'i', 'anyone', 'anybody', 'people'],
};
const RHETORICAL_FILLERS: Record<'no' | 'en', readonly string[]> = {
  no: ['ha', 'få', 'finne', 'ta', 'hente', 'vel', 'egentlig', 'eigentleg', 'liksom', 'jo', 'nå', 'da', 'så'],
  en: ['have', 'get', 'find', 'take', 'the', 'any', 'really', 'actually', 'even', 'ever'],
};
const RHETORICAL_FROM: Record<'no' | 'en', readonly string[]> = {
  no: ['fra', 'frå'],
  en: ['from'],
};
/** Verbs of having in an answer: «Det er teamlederne som har det.», "Team leaders have it." */
const HAVING: Record<'no' | 'en', readonly string[]> = {
  no: ['har', 'hadde', 'får', 'fikk', 'fekk', 'fått'],
  en: ['has', 'have', 'had', 'gets', 'get', 'got', 'do', 'does', 'did'],
};
/** How many words a rhetorical question may have before the term: «Når skal vi egentlig ha tid …». */
export const RHETORIC_OPENING = 5;
/** How far after the term its question mark may stand: «Hvem har vel tid til å sitte i møter om innovasjon nå?» */
export const RHETORIC_REACH = 16;

/** Words that begin a short question going on from the one before: «Og penger?», "Or money?". */
const FOLLOW_UPS: Record<'no' | 'en', readonly string[]> = {
  no: ['og', 'eller', 'samt'],
  en: ['and', 'or'],
};

/** A bare answer that denies the factor just named: «Avsatt tid? Nei.», "Dedicated time, no." */
const REPLY_NEGATIONS: Record<'no' | 'en', readonly string[]> = {
  no: ['nei', 'nope', 'neppe', 'null', 'niks', 'ingenting', 'verken', 'hverken', 'korkje'],
  en: ['no', 'nope', 'none', 'zero', 'nil', 'nothing', 'neither'],
};

/**
 * A bare yes to a question that names a term an obstacle: «Er tid et problem? Ja.», "Is funding
 * an issue for you? Yes, definitely." The question then says the obstacle is there.
 */
const AFFIRMATIVES: Record<'no' | 'en', readonly string[]> = {
  no: ['ja', 'jo', 'jepp', 'absolutt', 'definitivt', 'klart'],
  en: ['yes', 'yeah', 'yep', 'absolutely', 'definitely', 'certainly', 'indeed'],
};

/**
 * Wishes: what someone wishes for or misses is not there, and a wish governs the whole clause
 * after it, however long: «jeg savner at vi lærer av hverandre på tvers», «hun skulle ønske
 * kommunen tilbød kurs i tjenestedesign», "I wish the council had funded a real pilot". Near a
 * term they are lack cues like the others; beyond CUE_WINDOW_BEFORE, back to the start of the
 * clause, they alone still reach it. Not «ønsker», which as often says what someone means to do.
 * A hope is a wish: «Løsningen de håper på er en felles plattform», «han håpar den nye brannsjefen
 * vil gje mannskapet meir handlingsrom», "we hope the new system will talk to the records system"
 * speak of what is not there yet.
 */
const HOPES: Record<'no' | 'en', readonly string[]> = {
  no: ['håpe', 'håper', 'håpar', 'håpet', 'håpte', 'håpa'],
  en: ['hope', 'hopes', 'hoped', 'hoping'],
};
const WISHES: Record<'no' | 'en', readonly string[]> = {
  no: ['savn*', 'sakn*', 'etterlys*', 'ønske', 'ønskje', ...HOPES.no],
  en: ['wish', 'wished', ...HOPES.en],
};
/**
 * A hope that what is there goes on is no lack: a verb of keeping or of saying between the hope
 * and the term («vi håper vi får beholde den avsatte tida», "I hope we keep the Friday development
 * time", "I hope you write that our managers back us"), or a verb soon after the term, which
 * makes the term the subject of what is hoped («Vi håper det nye
 * velferdsteknologiske utstyret blir tatt godt imot», "I hope the improvement team stays", "they
 * hoped the trust between staff and managers would carry them"). Found by a review on 7 December.
 */
const KEEPING: Record<'no' | 'en', readonly string[]> = {
  no: ['beholde', 'beholder', 'behalde', 'beheld', 'fortsette', 'fortsetter', 'fortset', 'halde', 'holde', 'skriver', 'skriv', 'sier', 'seier',
    'si', 'seie', 'nevner', 'nemner', 'forteller', 'fortel'],
  en: ['keep', 'keeps', 'kept', 'stay', 'stays', 'continue', 'continues', 'retain', 'retains', 'preserve', 'maintain', 'write', 'writes', 'say',
    'says', 'tell', 'mention', 'report', 'note'],
};
const HOPED_VERBS: Record<'no' | 'en', readonly string[]> = {
  no: ['blir', 'bli', 'vil', 'skal', 'kan', 'varer', 'består', 'fortsetter', 'held', 'holder', 'får', 'fungerer', 'virker', 'verkar'],
  en: ['will', 'would', 'can', 'could', 'stays', 'stay', 'keeps', 'lasts', 'continues', 'carries', 'remains', 'works', 'survives', 'gets', 'is', 'are'],
};
/** How many words after a term a verb makes the term the subject of a hope, before any subordinator (see HOPED_VERBS). */
const HOPED_REACH = 5;

/**
 * A conditional wish says what is not there: «det hadde vært fint med avsatt tid», «det ville
 * vore bra med meir støtte», «jeg skulle gjerne hatt øremerkede midler», "it would be great to
 * have ring-fenced funding", "I'd like protected time". An evaluative word is a lack cue only after
 * a copula of the conditional («hadde vært», «ville vore», "would be", "would have been"); «gjerne»
 * only between a modal and «hatt»/«fått»/«ha»/«få»; "like"/"love" only after "would" or "'d". So
 * «vi hadde godt samarbeid», «folk vil gjerne bruke tida», "we like the protected time" say
 * nothing of the kind.
 */
const WISH_ADJECTIVES: Record<'no' | 'en', readonly string[]> = {
  no: ['fint', 'bra', 'godt', 'flott', 'nyttig', 'ønskelig', 'ønskjeleg', 'greit', 'kjekt', 'supert', 'gull'],
  en: ['great', 'good', 'nice', 'helpful', 'useful', 'lovely', 'ideal', 'brilliant', 'wonderful'],
};
const CONDITIONAL_COPULAS: Record<'no' | 'en', readonly string[]> = {
  no: ['vært', 'vore', 'være', 'vere'],
  en: ['be', 'been'],
};
const WISH_CONDITIONALS: Record<'no' | 'en', readonly string[]> = {
  no: ['hadde', 'ville', 'skulle', 'kunne'],
  en: ['would', 'could', "*'d", 'might'],
};
const GLADLY: Record<'no' | 'en', readonly string[]> = {
  no: ['gjerne'],
  en: ['like', 'love'],
};
const GLADLY_BEFORE: Record<'no' | 'en', readonly string[]> = {
  no: ['skulle', 'ville', 'kunne', 'vil'],
  en: ['would', "*'d"],
};
const GLADLY_AFTER: Record<'no' | 'en', readonly string[]> = {
  no: ['hatt', 'fått', 'ha', 'få'],
  en: [],
};

/**
 * A counterfactual says a factor was there: «Uten den ekstra finansieringen hadde vi ikke klart
 * det», "Without the extra funding we would not have managed". An opener that begins the term's
 * clause, with a conditional verb at most COUNTERFACTUAL_REACH words after the term in the same
 * sentence, is no lack cue, and no cue after the term counts either (the «ikke» there is the
 * counterfactual's). «hadde» is also plain past tense, but right after an opening «uten …» it
 * reads as the conditional.
 */
const COUNTERFACTUAL_OPENERS: Record<'no' | 'en', readonly string[]> = {
  no: ['uten', 'utan'],
  en: ['without'],
};
const CONDITIONALS: Record<'no' | 'en', readonly string[]> = {
  no: ['hadde', 'ville', 'skulle'],
  en: ['would', 'could', "wouldn't", "couldn't", "*'d"],
};
export const COUNTERFACTUAL_REACH = 4;

/** How far a cue reaches, in words, within one clause. */
export const CUE_WINDOW_BEFORE = 4;
/**
 * How far back in its clause a wish still reaches a term. Bounded, so that a paragraph of
 * thousands of words without a full stop or comma (a speech-to-text transcript) is coded in
 * time proportional to its length: each term looks back this far at most, not to the start.
 */
export const WISH_REACH = 40;
export const CUE_WINDOW_AFTER = 3;
/** How far after a term the cue rule looks at all: obstacle nouns and a copula's predicate reach further than other cues. */
export const CUE_REACH_AFTER = Math.max(CUE_WINDOW_AFTER, OBSTACLE_REACH, PHRASE_REACH + DEGREE_REACH + 2);

/**
 * The polarity rule's cues for one language. What beforeCue and afterCue say of a word next to a
 * term: 1 a lack cue that governs the term; -1 a
 * lack cue that is itself negated, which governs nothing and hides the words beyond it; 0 no cue.
 * `word(i)` is the lower-cased word i, or undefined when it is no cue, negation or restrictor
 * (or i is outside the clause); `anyWord(i)` is word i lower-cased whatever it is, for the rare
 * look for a copula. `term` is the term's first word (before it) or the first word after it.
 */
export interface CueMatcher {
  /**
   * Word k before a term. Negated: a negation right before the cue, or two words before it with
   * no «bare»/«only» between. A negation is never negated itself («ikke ingen tid» stays a lack),
   * but one right after a lack verb negates the verb: «vi mangler ikke tid» is time that is there,
   * «vi mangler ikke bare tid» a lack; with a restrictor and no lack verb or obstacle before it,
   * a negation says "not only" and is no cue («vi har ikke bare tid, men også penger»). A
   * negation that belongs to a verb of cost or duration or to a noun of doubt or obstacle right
   * after it is no cue either; nor is «lite»/"little" after an article (see COST_VERBS, DOUBTS,
   * ARTICLES). A negation after an obstacle noun and a copula is the
   * noun's: «utfordringen er ikke tid», "the problem isn't support" are no lack. An obstacle noun
   * is a cue only with a copula right after it and at most one word between the copula and the
   * term («den største utfordringen er tid»). `last`, the term's last word where the caller knows
   * it, lets a hope see what the term does after it (see HOPED_VERBS).
   */
  beforeCue: (k: number, word: (i: number) => string | undefined, term: number, anyWord: (i: number) => string | undefined, last?: number) => -1 | 0 | 1;
  /**
   * Whether `word` (lower-cased) is a wish (see WISHES): a cue that beforeCue takes reaches a term
   * further than CUE_WINDOW_BEFORE, back to the start of its clause, only if it is one: «jeg savner at …».
   */
  isWish(word: string | undefined): boolean;
  /**
   * Whether cue k reaches a term that begins at word `term` further than CUE_WINDOW_BEFORE words
   * on: a wish («jeg savner at vi …»), or a negating subject that denies it outright within
   * SUBJECT_REACH words («Ingen i enheten har tatt kurs»).
   */
  reachesFar(k: number, word: (i: number) => string | undefined, term: number, anyWord: (i: number) => string | undefined): boolean;
  /** Whether `opener` (a cue word before a term, lower-cased) can open a counterfactual (see COUNTERFACTUAL_OPENERS). */
  opensCounterfactual(opener: string | undefined): boolean;
  /** Whether `word` (any word after a term, lower-cased) is a conditional verb that makes an opener's clause a counterfactual. */
  isConditional(word: string | undefined): boolean;
  /**
   * Word k after a term. Negated: a negation right after a lack word («tida mangler ikke»,
   * unless «bare» follows: «mangler ikke bare»), a lack word right after a negation («time is
   * not lacking», «er ikke svak»), or a lack verb up to three words after it («tid er ikke noe vi
   * mangler»), or an obstacle noun when a copula links it to the term («tid er ikke noe
   * problem»). «Strekker» is a cue only with a negation right after it («strekker ikke til»;
   * «tida strekker til» is enough time); an obstacle noun only with a copula between the term
   * and it («tid er et problem»), and up to five words after the term, other cues up to three.
   * A copula's predicate that says there is too little (PREDICATES) is a cue at any distance
   * CUE_REACH_AFTER allows, when the term, at `term`, is the subject of its clause and only a
   * phrase (PHRASE_OPENERS, no clause of its own) stands between the term and the copula, and the
   * predicate ends the clause or a preposition or a word of time follows it: «Tilliten mellom
   * ledelsen og de ansatte er lav.», «Forankringen i ledelsen har vært svak.», «Tida er for knapp
   * i hverdagen.»; not «Tid er lite viktig.» (`term` -1: no such rule, for a label's value).
   */
  afterCue: (k: number, word: (i: number) => string | undefined, first: number, anyWord: (i: number) => string | undefined, term: number) => -1 | 0 | 1;
  /**
   * Whether word k after the term at `term` (its last word before `first`) is a copula's predicate
   * of scarcity that says what the term is (see afterCue): of a barrier, that there is little of
   * it («Tidspresset er lavt nå.», «Byråkratiet hos oss er minimalt.»).
   */
  predicates(k: number, word: (i: number) => string | undefined, first: number, anyWord: (i: number) => string | undefined, term: number): boolean;
  /**
   * Whether word k after a term denies that the term is an obstacle: a negation with an obstacle
   * noun after it and a copula linking them to the term («tid er ikke noe problem», «mangel på
   * tid er ikke et problem», "time isn't an issue"), and no «bare»/«only» right after the
   * negation. afterCue reads this as no lack; it also takes back a lack cue before the term.
   */
  deniesObstacle: (k: number, word: (i: number) => string | undefined, first: number, anyWord: (i: number) => string | undefined) => boolean;
  /**
   * Whether a hedge stands among words from..to (the term's clause) and the clause after it,
   * whose words `next(0)`, `next(1)` … are (lower-cased; undefined: none), begins with a
   * contrast. A presence so hedged does not count: «vi har avsatt tid på papiret, men den ryker
   * først», «lederen sier at vi har frie tøyler. I praksis må alt godkjennes».
   */
  hedged(from: number, to: number, word: (i: number) => string | undefined, anyWord: (i: number) => string | undefined, next: (j: number) => string | undefined): boolean;
  /**
   * Whether a sentence of a short answer (its lower-cased words) can name an obstacle as it
   * stands: no negation, no no, no verb of having, nobody or nothing in it («Tid.», «Det e nok
   * bemanninga.», "Time, mostly."; not «Vi har god tid.», «Egentlig ingenting.»).
   */
  namesObstacle(words: readonly string[]): boolean;
  /**
   * Where a question (its lower-cased words) names what hinders, if it is a what-question about
   * obstacles and not also about what helps (see OBSTACLE_QUESTION), else -1: «Hva hemmer
   * innovasjon hos dere?» gives the index of «hemmer».
   */
  asksForObstacles(words: readonly string[]): number;
  /**
   * Whether a verb of trying with «å» / "to" stands among words from..term-1 of the term's clause
   * (term: the term's first word) and the next clause (next(0), next(1) …) begins with a contrast
   * that does not say it worked (see ATTEMPTS): «Vi har prøvd å sette av tid, men den ryker».
   */
  attempted(from: number, term: number, word: (i: number) => string | undefined, anyWord: (i: number) => string | undefined, next: (j: number) => string | undefined): boolean;
  /**
   * Whether `reply` (lower-cased), alone in the clause right after a term's and ending its
   * sentence, denies the term: «Avsatt tid? Nei.» is a lack cue. The caller checks where it stands.
   */
  isReply(reply: string | undefined): boolean;
  /**
   * Where the negation stands in a short answer (lower-cased words) that denies the question
   * before it, or -1: «Det har vi ikke», «Egentlig ikke», "We don't", "Not really". Every word
   * must be one an answer is made of (pronouns, have, do, really); one of them a negation.
   */
  denyingAnswer(words: readonly string[]): number;
  /**
   * Whether the rest of a sentence after a bare no (lower-cased words) says no too: no yes among
   * them, and a negation or another no, or a contrast first («Nei, ikke noe formelt.», «Nei, men vi
   * tar det i lunsjen.», "No, nothing formal."; not «Nei, vi har masse.», «Nei, eller jo.»).
   */
  keepsDenying(words: readonly string[]): boolean;
  /**
   * Whether the rest of a sentence after a bare no (lower-cased words) leaves it standing: no yes
   * among them («Nei, folk er nysgjerrige.»; not «Nei, eller jo.»). Enough for a no to deny what
   * its question names (see the matcher's answeredNo), not to make a lack of it.
   */
  keepsTo(words: readonly string[]): boolean;
  /**
   * Whether `word` (lower-cased), last in a short value, says there is too little of the label
   * (see SCARCE_VALUES): «Tid: svært lite.», "Time: very little."; not «vanskelig å si», "less pressure now".
   */
  isScarceValue(word: string | undefined): boolean;
  /**
   * Whether `word` (lower-cased), with `next` after it, opens a question that asks for more than a
   * yes or a no (see WH_WORDS): after «Hva bruker dere tida på?» a «Nei, …» is a filler, no
   * answer. «Hva med penger?», "What about money?" ask about a topic and may be answered no.
   */
  opensQuestion(word: string | undefined, next: string | undefined): boolean;
  /**
   * Whether a question's first words (lower-cased) judge a clause rather than ask it: a copula,
   * «det»/"it", one or two words and «at»/"that" («Er det rart at folk er skeptiske?», «Er det noe
   * overraskende at …?», "Is it strange that …?"). A no to it says the clause is no surprise, not that it is untrue.
   */
  judgesClause(words: readonly (string | undefined)[]): boolean;
  /** Whether `word` and `next` (lower-cased) ask about a topic: «hva med», "what about", "how about". */
  asksAbout(word: string | undefined, next: string | undefined): boolean;
  /**
   * Whether the words (lower-cased) after the but of a yes take the yes back: a negation, a no or
   * a hedge («Ja, men ingen bruker den.», "Yes, but only on paper."; not «Ja, men bare fredager.»).
   */
  undoesYes(words: readonly string[]): boolean;
  /**
   * Whether a label's value (lower-cased words, to the end of its sentence) begins with a negation
   * or a no that says nothing is there: «ikke nevnt», «ingen interesse», "not mentioned"; not «ikke
   * bare», «ingen tvil», "not just", nor one with a contrast ("not mandatory but popular").
   */
  negatedValue(words: readonly string[]): boolean;
  /**
   * Whether the words before a term (`anyWord`, the term's first word at `first`) apply for it: a
   * verb or noun of applying and a preposition right before it, maybe with one word between the
   * preposition and the term (see APPLYING): «søkte om prosjektmidler», «søknaden om ekstra
   * skjønnsmidler», "applied for a grant".
   */
  appliesFor(first: number, anyWord: (i: number) => string | undefined): boolean;
  /** Whether `word` (lower-cased) turns an application down, or says nothing came of it: «avslag», «avslått», «nei», «uten», "rejected", "without" (see REFUSALS), or is a negation. */
  refuses(word: string | undefined): boolean;
  /**
   * The word of a loss in the clause that begins at word e, when that clause opens with a contrast,
   * a word of now or both, then a pronoun that takes the term before it up (after a verb, too, when
   * a word of now comes first), and the loss within three words after the pronoun: «…, men den
   * forsvant fort», «…, nå er de borte», "…, but it was scrapped", "…, now it's gone". Else -1.
   */
  lossClause(e: number, anyWord: (i: number) => string | undefined): number;
  /** Whether `word` (lower-cased) takes up a topic put before it: «det», «den», «dei», "that", "it" (see RESUMPTIVES). */
  isResumptive(word: string | undefined): boolean;
  /** Whether `word` (lower-cased) begins a contrast (see CONTRASTS). */
  isContrastWord(word: string | undefined): boolean;
  /**
   * Whether an answer (lower-cased words, to the end of its sentence) that begins with a negation
   * says no: no yes or contrast among its words, no «bare»/"only" right after the negation, and nothing of too little («Ikke egentlig.»,
   * «Ikke for oss.», "Not that I know of."; not «Ikke nok.», "Not enough.", which say there is too
   * little).
   */
  negatedAnswer(words: readonly string[]): boolean;
  /**
   * Whether `word` (lower-cased) begins a short question that goes on from the one before it
   * («Har dere tid? Og penger?», "Do you have time? Or money?"): a reply after both answers both.
   */
  followsUp(word: string | undefined): boolean;
  /**
   * Whether a label's value (lower-cased words) says there is none: a no, a negating determiner or
   * a negation first, then only words of time or degree, or numbers («ingen i år», «ingen siden
   * 2019», «ikke i år», "none this year", "not this year"; not «ingen interesse», «ikke relevant»).
   */
  saysNone(words: readonly string[]): boolean;
  /**
   * Whether the words (lower-cased) are only words of time, degree or regret that may follow a short
   * value after a comma and say nothing more (see NONE_FOLLOWERS): «dessverre», «egentlig», «i år», "so far".
   */
  onlyFillers(words: readonly string[]): boolean;
  /**
   * The last word of a denial frame whose negation is word k (see DENIAL_FRAMES), or -1: the
   * negation opens its clause («Ikke det at …») or follows a copula, maybe with fillers between
   * («Det er jo ikke sånn at …», "It's not that …", "It isn't that …"), and the frame's words
   * follow it. The clause after the frame is denied as a whole: a lack cue in it is denied too.
   */
  denialFrame(k: number, anyWord: (i: number) => string | undefined): number;
  /** Whether `word` (lower-cased) after a term in a denial frame's clause speaks of a change or less (see FRAME_CHANGES). */
  isFrameChange(word: string | undefined): boolean;
  /**
   * Whether cue k, before a term that begins at word `term` and is one side of a factor in itself
   * (`polarity: inherent`), says there is little of it: «lite byråkrati», «veldig lite motstand»,
   * «minimalt med tidspress», "very little bureaucracy" (SMALL, «minimal», «minimalt (med)»,
   * "minimal", with only words of degree between; not after a negation or an article: «ikke lite
   * byråkrati», «et lite byråkrati», "a little bureaucracy").
   */
  scarceBefore(k: number, term: number, anyWord: (i: number) => string | undefined): boolean;
  /**
   * Whether the clause of words start..end - 1 speaks of a former state (see PAST_PHRASES): the
   * past marks it, or the clause from `prevStart` to it (-1 for none) is only a mark of the past;
   * the clause after it, or the one after an aside of at most ASIDE_WORDS words, opens with a word
   * of now; and none of them says that the state goes on (GOING_ON). `clauseEnd(k)` is the end
   * (exclusive) of the clause that begins at word k; `anyWord(i)` is word i of the segment,
   * lower-cased (undefined past its ends).
   */
  formerState(prevStart: number, start: number, end: number, clauseEnd: (k: number) => number, anyWord: (i: number) => string | undefined): boolean;
  /**
   * Whether cue k, which governs a term that begins at word `term`, denies it outright: a negation
   * with at most filler words between it and the term (see DENIAL_FILLERS). A term that is one
   * side of a factor in itself (`polarity: inherent`) is then not there: «ingen tidspress», «folk er
   * ikke redde for å feile», "we have no silos". A negation that is the subject (SUBJECT_NEGATIONS,
   * SUBJECT_PAIRS) may have a copula between: «ingen er redde for å feile», "no one is afraid of";
   * with a comparative there, it compares and denies nothing («ingen er så redd … som …»). A
   * denial frame's negation denies a term at most DENIAL_REACH words after the frame («Det er ikke
   * sånn at tidspresset er stort»).
   */
  deniesOutright(k: number, term: number, anyWord: (i: number) => string | undefined): boolean;
  /**
   * Whether the words (lower-cased) of a reply, from its first word to the end of its sentence,
   * say yes: a yes word first (see AFFIRMATIVES), and no negation, bare no or contrast among
   * them («Ja.», «Ja, absolutt.», "Yes, it is."; not «Ja, men ikke alltid.»).
   */
  affirms(words: readonly string[]): boolean;
  /**
   * Whether cue k, before the term at words term..last of one clause, says that the term is
   * missing, not something near it: a negation that denies it outright (deniesOutright), or
   * another lack word right before it, with at most a preposition or filler words between
   * («savner kurs», «mangel på opplæring», "lack of training"; not «manglende kompetanse i
   * tjenestedesign», "never heard of the fund"). Not a word of quality or amount (*dårlig kurs*,
   * *mindre kurs*: the courses are there), not in a question reported (*hun spurte om de ikke
   * hadde kurs*), and not a rule of thumb (*ingen kurs kan erstatte erfaring*: a modal after the
   * term). A denied promoter is coded as its opposite only then (Code.opposite); the caller
   * checks for a question mark.
   */
  opposes(k: number, term: number, last: number, anyWord: (i: number) => string | undefined): boolean;
  /**
   * Whether `word` (lower-cased), the first of an informant's turn, answers a yes-or-no question:
   * a yes (AFFIRMATIVES), a bare no (REPLY_NEGATIONS) or a negation («Ikke egentlig», "Not
   * really"). Such an answer is read with the question before it (Segment.asked).
   */
  answers(word: string | undefined): boolean;
  /** Whether `word` (lower-cased) says yes (see AFFIRMATIVES). */
  isAffirmative(word: string | undefined): boolean;
  /**
   * Whether a question's words before the term (`opening`, lower-cased, from the sentence's
   * start) and the first words after it (`after`) make it a rhetorical one that says the term is
   * not to be had: a who with a verb of having and only fillers (*Hvem har vel tid til det?*, *Who
   * has the time?*), a when with a modal and a subject (*Når skal vi få tid til det?*, *When would
   * we have time?*), or a where with a from after the term (*Hvor skal pengene komme fra?*, *Where
   * would the money come from?*). The caller checks the question mark and what follows it.
   */
  rhetorical(opening: readonly string[], after: readonly string[]): boolean;
  /** Whether `opening` may open a rhetorical question (see rhetorical), whatever follows the term. */
  rhetoricalOpening(opening: readonly string[]): boolean;
  /**
   * Whether a sentence (its first words, lower-cased) answers the question before it, so that the
   * question was no rhetorical one: it opens with a yes, has a preposition among its first two
   * words («Fra innovasjonsfondet.», "Usually on Fridays."), or has a verb of having with no
   * negation in it («Det er teamlederne som har det.»; not «Vi har jo ingen vikarer.»).
   */
  answersQuestion(words: readonly string[]): boolean;
  /** Whether `word` (lower-cased) is a preposition (see PREPOSITIONS). */
  isPreposition(word: string | undefined): boolean;
  /**
   * Whether `word` (lower-cased) is a preposition that is seldom a verb's particle, so that a term
   * after it belongs to the word before: «kutt i budsjettet»; not «av» in «satt av tid».
   */
  headsPhrase(word: string | undefined): boolean;
  /** Whether `word` (lower-cased) is an obstacle noun (see OBSTACLES). */
  isObstacle(word: string | undefined): boolean;
  /** Whether `word` (lower-cased) is a negation (see NEGATIONS). */
  isNegation(word: string | undefined): boolean;
}

/** The words a short denying answer is made of, besides the negations. */
const ANSWER_WORDS: Record<'no' | 'en', readonly string[]> = {
  no: ['det', 'dét', 'den', 'dem', 'har', 'hadde', 'vi', 'me', 'eg', 'jeg', 'de', 'dei', 'egentlig', 'eigentleg', 'noe', 'noko', 'sånt', 'slikt', 'så', 'mye', 'mykje', 'heller', 'dessverre', 'nei', 'nok',
    'finnes', 'fins', 'finst', 'fantes', 'fanst', 'eksisterer', 'eller', 'gjør', 'gjer', 'gjorde', 'fått', 'fikk', 'fekk', 'får', 'hatt'],
  en: ['we', 'i', 'they', 'it', 'that', 'have', 'has', 'had', 'do', 'does', 'did', 'really', 'any', 'much', 'unfortunately', 'no', 'nope', 'enough', 'none',
    'exist', 'exists', 'existed', 'there', 'is', 'are', 'was', 'were'],
};

/** Apostrophes that a word can be written with: the typewriter one, Word's ’ and the letter ʼ. */
const APOSTROPHES = ['’', 'ʼ'];

/** The entries, each with ' also in every other spelling of the apostrophe. */
function withApostrophes(list: readonly string[]): string[] {
  return list.flatMap((w) => (w.includes("'") ? [w, ...APOSTROPHES.map((a) => w.replaceAll("'", a))] : [w]));
}

/**
 * A test for the words of a list, written as terms are (readWordPattern): a plain word must be
 * the word itself (cues are not stemmed), `prefix*` begin it, `*ending` end it, `*part*` be in it.
 */
function matcher(list: readonly string[]): (word: string) => boolean {
  const entries = cuePatterns(list);
  const exact = new Set(entries.filter((e) => e.kind === 'stem').map((e) => e.text));
  const patterns = entries.filter((e) => e.kind !== 'stem');
  // Only patterns are worth a memo; it would grow with every word a list of plain words is asked about.
  if (patterns.length === 0) return (word) => exact.has(word);
  const memo = new Map<string, boolean>();
  const fits = (word: string) => patterns.some((p) => (p.kind === 'prefix' ? word.startsWith(p.text) : p.kind === 'suffix' ? word.endsWith(p.text) : word.includes(p.text)));
  return (word) => {
    let hit = memo.get(word);
    if (hit === undefined) {
      hit = exact.has(word) || fits(word);
      memo.set(word, hit);
    }
    return hit;
  };
}

/** The entries read as word patterns, each apostrophe in every spelling; entries of stars only are left out. */
function cuePatterns(list: readonly string[]): WordPattern[] {
  return withApostrophes(list).map(readWordPattern).filter((p) => p.text !== '');
}

/**
 * Every word the cue rule looks at in a language, before and after, with the codebook's own cues,
 * as word patterns (see matcher): cues, negations, restrictors, the last words of hedges,
 * contrasts and replies. The word scanner makes them candidates, so the rule finds them without
 * cutting the text.
 */
export function cueWords(lang: Lang, extraLack: readonly string[] = []): WordPattern[] {
  const family = lang === 'en' ? 'en' : 'no';
  return cuePatterns([
    ...LACK_BEFORE[family], ...LACK_AFTER[family], ...LACK_VERBS[family], ...OBSTACLES[family], ...Object.keys(ENDINGS[family]), ...PASSIVE_LOSSES[family],
    ...WISH_ADJECTIVES[family], ...GLADLY[family], ...DUTY_PERFECTS[family],
    ...NEGATIONS[family], ...NEGATED_COPULAS[family], ...RESTRICTORS[family], ...HEDGES[family].map((h) => h.split(' ').at(-1)!), ...ATTEMPTS[family],
    ...CONTRASTS[family].filter((c) => !c.includes(' ')), ...REPLY_NEGATIONS[family], ...AFFIRMATIVES[family], ...WISHES[family], ...COUNTERFACTUAL_OPENERS[family], ...HYPOTHETICAL_VERBS[family],
    ...PREDICATES[family], ...MORE[family],
    ...extraLack,
  ]);
}

/** Whether a word (undefined: none) is in the list. */
function wordIn(list: readonly string[]): (w: string | undefined) => boolean {
  const has = matcher(list);
  return (w) => w !== undefined && has(w);
}

export function cueMatcher(lang: Lang, extraLack: readonly string[] = []): CueMatcher {
  const family = lang === 'en' ? 'en' : 'no';
  const isNegation = wordIn(NEGATIONS[family]);
  const isRestrictor = wordIn(RESTRICTORS[family]);
  const needsNegation = matcher(NEED_NEGATION[family]);
  const after = matcher([...LACK_AFTER[family], ...extraLack]);
  const before = matcher([...LACK_BEFORE[family], ...WISHES[family], ...extraLack]);
  const isWish = wordIn(WISHES[family]);
  const isHope = wordIn(HOPES[family]);
  const isKeeping = wordIn(KEEPING[family]);
  const isHopedVerb = wordIn(HOPED_VERBS[family]);
  /** Whether the hope at k is for the term at `term` to go on (see KEEPING and HOPED_VERBS). */
  const hopesToKeep = (k: number, term: number, last: number, anyWord: (i: number) => string | undefined) => {
    for (let j = k + 1; j < term; j++) if (isKeeping(anyWord(j))) return true;
    for (let j = last + 1; j <= last + HOPED_REACH; j++) {
      const x = anyWord(j);
      if (x === undefined || isSubordinator(x)) break;
      if (isHopedVerb(x)) return true;
    }
    return false;
  };
  const opensCounterfactual = wordIn(COUNTERFACTUAL_OPENERS[family]);
  const isConditional = wordIn(CONDITIONALS[family]);
  const isVerb = wordIn(LACK_VERBS[family]);
  const isObstacle = wordIn(OBSTACLES[family]);
  const isCopula = wordIn(COPULAS[family]);
  const isNegatedCopula = wordIn(NEGATED_COPULAS[family]);
  const hedges = HEDGES[family].map((h) => h.split(' '));
  const isHedgeEnd = wordIn(hedges.map((h) => h.at(-1)!));
  const isAttempt = wordIn(ATTEMPTS[family]);
  const attemptMarker = ATTEMPT_MARKER[family];
  const isAttemptWorked = wordIn(ATTEMPT_WORKED[family]);
  const isObstacleQuestion = wordIn(OBSTACLE_QUESTION[family]);
  const isObstacleQuestionHelp = wordIn(OBSTACLE_QUESTION_HELP[family]);
  /** The first word of a phrase of OBSTACLE_QUESTION_PHRASES in `words`, or -1. */
  const obstaclePhraseAt = (words: readonly string[]) => {
    for (let i = 0; i < words.length; i++) {
      for (const phrase of OBSTACLE_QUESTION_PHRASES[family]) {
        if (words[i] !== phrase[0]) continue;
        const rest = phrase.slice(1);
        const fits = (from: number) => rest.every((w, j) => words[from + j] === w);
        if (fits(i + 1) || (phrase.length === 2 && fits(i + 2))) return i;
      }
    }
    return -1;
  };
  const contrasts = CONTRASTS[family].map((c) => c.split(' '));
  const isReportedSpeech = wordIn(REPORTED_SPEECH[family]);
  const isPractice = wordIn(PRACTICE[family]);
  /** Whether the contrast clause whose words are next(0), next(1) … speaks of practice (see PRACTICE). */
  const aboutPractice = (next: (j: number) => string | undefined) => {
    for (let j = 0; j < PRACTICE_REACH; j++) if (isPractice(next(j))) return true;
    return false;
  };
  /** Whether the clause whose words are next(0), next(1) … begins with a contrast. */
  const isContrast = (next: (j: number) => string | undefined) => contrasts.some((c) => c.every((part, j) => next(j) === part));
  const isReply = wordIn(REPLY_NEGATIONS[family]);
  const isAffirmative = wordIn(AFFIRMATIVES[family]);
  const isContrastWord = wordIn(CONTRASTS[family].filter((c) => !c.includes(' ')));
  const isAnswerWord = wordIn(ANSWER_WORDS[family]);
  const isNoneFollower = wordIn(NONE_FOLLOWERS[family]);
  const isEnough = wordIn(ENOUGH[family]);
  const isLimited = wordIn(LIMITED[family]);
  const isWhWord = wordIn(WH_WORDS[family]);
  const isIt = wordIn(family === 'en' ? ['it'] : ['det', 'dét']);
  const isThat = wordIn(family === 'en' ? ['that'] : ['at']);
  const isPreposition = wordIn(PREPOSITIONS[family]);
  const isParticle = wordIn(PARTICLES[family]);
  const isAbout = wordIn(ABOUT[family]);
  const isLimitedTo = wordIn(LIMITED_TO[family]);
  const isCleftOpener = wordIn(CLEFT_OPENERS[family]);
  const isContractedCleft = wordIn(CONTRACTED_CLEFTS[family]);
  const isCleftAfter = wordIn(CLEFT_AFTER[family]);
  const isCleftDetVerb = wordIn(CLEFT_DET_VERBS[family]);
  const isFrame = wordIn(FRAMES[family]);
  const isHypotheticalVerb = wordIn(HYPOTHETICAL_VERBS[family]);
  const isDutyPerfect = wordIn(DUTY_PERFECTS[family]);
  const isApplying = wordIn(APPLYING[family]);
  const isApplyingFor = wordIn(APPLYING_FOR[family]);
  const isRefusal = wordIn(REFUSALS[family]);
  const isDutyModal = wordIn(withApostrophes(DUTY_MODALS[family]));
  const isDutyHave = wordIn(DUTY_HAVE[family]);
  const isAsking = wordIn(ASKING[family]);
  const isNearAmount = wordIn(NEAR_AMOUNTS[family]);
  const isNotAmountBefore = wordIn(NOT_AMOUNT_BEFORE[family]);
  const isSubjectNegation = wordIn(SUBJECT_NEGATIONS[family]);
  const isSubjectPair = wordIn(SUBJECT_PAIRS[family]);
  const isComparative = wordIn(COMPARATIVES[family]);
  const isQualityLack = wordIn(QUALITY_LACKS[family]);
  const isAskedIf = wordIn(ASKED_IF[family]);
  const isModal = wordIn(MODALS[family]);
  const isHypotheticalOpener = wordIn(HYPOTHETICAL_OPENERS[family]);
  const isNeedVerb = wordIn(NEED_VERBS[family]);
  const isConditionOpener = wordIn(CONDITION_OPENERS[family]);
  const isPronounSubject = wordIn(PRONOUN_SUBJECTS[family]);
  /** Whether need verb k stands in a clause of condition: see NEED_VERBS. */
  const conditionalNeed = (k: number, anyWord: (i: number) => string | undefined) =>
    [k - 2, k - 3].some((j) => isConditionOpener(anyWord(j)) && !isThat(anyWord(j + 1))) && !isPronounSubject(anyWord(k + 1));
  const isArticle = wordIn(ARTICLES[family]);
  const isDialectCopula = wordIn(DIALECT_COPULAS[family]);
  const isSmall = wordIn(SMALL[family]);
  const isJudgement = wordIn(JUDGEMENTS[family]);
  const isCostVerb = wordIn(COST_VERBS[family]);
  const isDurationVerb = wordIn(DURATION_VERBS[family]);
  const isAmount = wordIn(AMOUNTS[family]);
  const isDoubt = wordIn(DOUBTS[family]);
  const isNever = wordIn(NEVER[family]);
  const isCompareBefore = wordIn(COMPARE_BEFORE[family]);
  const isCompareAmount = wordIn(COMPARE_AMOUNTS[family]);
  const isCompareAfter = wordIn(COMPARE_AFTER[family]);
  const isWishAdjective = wordIn(WISH_ADJECTIVES[family]);
  const isPredicate = wordIn(PREDICATES[family]);
  const isMore = wordIn(MORE[family]);
  const isNeedModal = wordIn(NEED_MODALS[family]);
  const isSpending = wordIn(SPENDING[family]);
  /** Whether a modal of need stands within NEED_REACH words before the MORE at k, with no negation or verb of spending between. */
  const calledFor = (k: number, anyWord: (i: number) => string | undefined) => {
    for (let j = k - 1; j >= k - NEED_REACH; j--) {
      const x = anyWord(j);
      if (x === undefined || isNegation(x) || isSpending(x)) return false;
      if (isNeedModal(x)) return true;
    }
    return false;
  };
  const isRhetoricalWho = wordIn(RHETORICAL_WHO[family]);
  const isRhetoricalWhen = wordIn(RHETORICAL_WHEN[family]);
  const isRhetoricalWhere = wordIn(RHETORICAL_WHERE[family]);
  const isRhetoricalVerb = wordIn(RHETORICAL_VERBS[family]);
  const isRhetoricalModal = wordIn(RHETORICAL_MODALS[family]);
  const isRhetoricalSubject = wordIn(RHETORICAL_SUBJECTS[family]);
  const isRhetoricalFiller = wordIn(RHETORICAL_FILLERS[family]);
  const isRhetoricalFrom = wordIn(RHETORICAL_FROM[family]);
  const isHaving = wordIn(HAVING[family]);
  const frames = DENIAL_FRAMES[family].map((f) => f.split(' '));
  const isFrameSubject = wordIn(FRAME_SUBJECTS[family]);
  const isFrameFiller = wordIn(FRAME_FILLERS[family]);
  const isFrameClauseSubject = wordIn(FRAME_CLAUSE_SUBJECTS[family]);
  /** The last word of the denial frame after negation j (see DENIAL_FRAMES), or -1. */
  const frameAfter = (j: number, anyWord: (i: number) => string | undefined) => {
    for (const f of frames) {
      if (!f.every((part, i) => anyWord(j + 1 + i) === part)) continue;
      const end = j + f.length;
      if (family === 'en') {
        if (f.length === 1 && !isFrameSubject(anyWord(end + 1))) continue;
      } else if (f.length === 1 && anyWord(end + 1) === 'at') return end + 1;
      return end;
    }
    return -1;
  };
  const pastPhrases = PAST_PHRASES[family].map((p) => p.split(' '));
  const presentOpeners = PRESENT_OPENERS[family].map((p) => p.split(' '));
  const isNowStart = wordIn(presentOpeners.map((p) => p[0]!));
  const isPastEdge = wordIn(PAST_EDGES[family]);
  const isPastEdgeNotBefore = wordIn(PAST_EDGE_NOT_BEFORE[family]);
  const isPastEdgeNotAfter = wordIn(PAST_EDGE_NOT_AFTER[family]);
  const isPresentConnector = wordIn(PRESENT_CONNECTORS[family]);
  const isGoingOn = wordIn(GOING_ON[family]);
  const isRecurring = wordIn(RECURRING[family]);
  const isSame = wordIn(SAME);
  const isWhole = wordIn(WHOLE);
  const isGrown = wordIn(GROWN[family]);
  /** How many words from word j make one of `phrases`, within words j..end - 1 (0 for none). */
  const phraseAt = (phrases: readonly string[][], j: number, end: number, anyWord: (i: number) => string | undefined) => {
    for (const p of phrases) if (j + p.length <= end && p.every((part, i) => anyWord(j + i) === part)) return p.length;
    return 0;
  };
  /** Whether words start..end - 1 are marked as past: a past phrase in them, or a past word at either end (see PAST_EDGES). */
  const pastIn = (start: number, end: number, anyWord: (i: number) => string | undefined) => {
    for (let j = start; j < end; j++) {
      const p = phraseAt(pastPhrases, j, end, anyWord);
      if (p === 0 || isPastEdgeNotAfter(anyWord(j - 1))) continue;
      if (anyWord(j) === 'used' && USED_TO_NOT_AFTER.includes(anyWord(j - 1) ?? '')) continue;
      if (anyWord(j + 1) === 'the' && anyWord(j + 2) === 'past' && SPAN_AFTER.includes(anyWord(j + 3) ?? '')) continue;
      return true;
    }
    const s = isPresentConnector(anyWord(start)) ? start + 1 : start;
    if (s < end && isPastEdge(anyWord(s)) && !isPronounSubject(anyWord(s + 1)) && !isPastEdgeNotBefore(anyWord(s + 1)) && !isPreposition(anyWord(s + 1))) return true;
    return end - 1 > s && isPastEdge(anyWord(end - 1)) && !isPastEdgeNotAfter(anyWord(end - 2));
  };
  /** Whether words start..end - 1 are only a mark of the past, maybe after a connector: "At first,", «Før,». */
  const onlyPast = (start: number, end: number, anyWord: (i: number) => string | undefined) => {
    const s = isPresentConnector(anyWord(start)) ? start + 1 : start;
    return s < end && (phraseAt(pastPhrases, s, end, anyWord) === end - s || (end - s === 1 && isPastEdge(anyWord(s))));
  };
  /** Whether the clause of words from..to - 1 opens with a word of now, maybe after a connector («men nå», "but now"). */
  const opensNow = (from: number, to: number, anyWord: (i: number) => string | undefined) => {
    const first = anyWord(from);
    const s = isPresentConnector(first) ? from + 1 : from;
    const p = s < to && isNowStart(s === from ? first : anyWord(s)) ? phraseAt(presentOpeners, s, to, anyWord) : 0;
    // «Nå, det er nå engang sånn»: «nå» alone before a comma, or before «engang», is a particle, not a time.
    if (p === 0 || (family === 'no' && (s + p === to || anyWord(s + p) === 'engang' || anyWord(s + p) === 'eingong'))) return false;
    // A negation in the clause of now says the state goes on: «… nå er det ikke noe bedre».
    for (let j = s + p; j < to; j++) if (isNegation(anyWord(j))) return false;
    return true;
  };
  const isMinimal = wordIn(family === 'en' ? ['minimal'] : ['minimal', 'minimalt', 'minimale']);
  const scarceBefore = (k: number, term: number, anyWord: (i: number) => string | undefined) => {
    // «et lite byråkrati», "a little bureaucracy", "the little bureaucracy of the school board": size, not scarcity.
    if (k >= term || isNegation(anyWord(k - 1)) || isArticle(anyWord(k - 1)) || anyWord(k - 1) === 'the') return false;
    const w = anyWord(k);
    if (!isSmall(w) && !isMinimal(w)) return false;
    // «minimalt med byråkrati»
    let j = w === 'minimalt' && anyWord(k + 1) === 'med' ? k + 2 : k + 1;
    for (; j < term; j++) if (!isDegree(anyWord(j))) return false;
    return true;
  };
  const formerState = (prevStart: number, start: number, end: number, clauseEnd: (k: number) => number, anyWord: (i: number) => string | undefined) => {
    if (anyWord(end) === undefined) return false;
    // The clause of now comes next, or after an aside of a few words: «Jeg var skeptisk i starten, det skal jeg innrømme. Men nå …».
    let nowEnd = clauseEnd(end);
    if (!opensNow(end, nowEnd, anyWord)) {
      if (nowEnd - end > ASIDE_WORDS || anyWord(nowEnd) === undefined) return false;
      const from = nowEnd;
      nowEnd = clauseEnd(from);
      if (!opensNow(from, nowEnd, anyWord)) return false;
    }
    for (let j = start; j < nowEnd; j++) {
      const w = anyWord(j);
      const same = isSame(w) ? j + 1 === (j < end ? end : nowEnd) || anyWord(j + 1) === 'som' || anyWord(j + 1) === 'as' : isGoingOn(w);
      const grown = isWhole(w) ? isArticle(anyWord(j - 1)) : isGrown(w);
      if (same || (j < end ? isRecurring(w) || phraseAt(presentOpeners, j, end, anyWord) > 0 : grown)) return false;
    }
    // «Innovasjonsfondet ble lagt ned i fjor, nå …»: a loss is an event whose lack goes on.
    for (let j = start; j < end; j++) if (lostAt(j, anyWord)) return false;
    return pastIn(start, end, anyWord) || (prevStart >= 0 && onlyPast(prevStart, start, anyWord));
  };
  const denialFrame = (k: number, anyWord: (i: number) => string | undefined) => {
    const negation = anyWord(k);
    const negatedCopula = isNegatedCopula(negation);
    if (!negatedCopula && !isNegation(negation)) return -1;
    let j = k - 1;
    while (isFrameFiller(anyWord(j))) j--;
    // A copula before the negation («det er ikke sånn at», "it's not that"), or none at all: the negation opens the clause.
    if (!negatedCopula && anyWord(k - 1) !== undefined && !isCopula(anyWord(j)) && !isContractedCleft(anyWord(j))) return -1;
    // «Det er ikke sånn vi jobber» says how, not that: a frame of its own needs «at».
    const end = frameAfter(k, anyWord);
    return family === 'no' && anyWord(end) !== 'at' ? -1 : end;
  };
  const rhetoricalOpening = (opening: readonly string[]) => {
    if (opening.length < 2 || !isRhetoricalVerb(opening[1])) return false;
    const q = opening[0];
    const who = isRhetoricalWho(q);
    const where = isRhetoricalWhere(q);
    if (!who && ((!where && !isRhetoricalWhen(q)) || !isRhetoricalModal(opening[1]))) return false;
    let i = 2;
    if (!who && isRhetoricalSubject(opening[2])) i = 3;
    else if (!who && !where) return false;
    for (; i < opening.length; i++) if (!isRhetoricalFiller(opening[i])) return false;
    return true;
  };
  const isDegree = wordIn(DEGREES[family]);
  const isPhraseOpener = wordIn([...PREPOSITIONS[family], ...PHRASE_OPENERS[family]]);
  const isSubordinator = wordIn(SUBORDINATORS[family]);
  const isSubjectOpener = wordIn(SUBJECT_OPENERS[family]);
  const isJudgingVerb = wordIn(JUDGING_VERBS[family]);
  const isPassiveJudging = wordIn(PASSIVE_JUDGING[family]);
  const isJudgingLink = wordIn(JUDGING_LINKS[family]);
  const isConditionalCopula = wordIn(CONDITIONAL_COPULAS[family]);
  const isWishConditional = wordIn(withApostrophes(WISH_CONDITIONALS[family]));
  const isGladly = wordIn(GLADLY[family]);
  const isGladlyBefore = wordIn(withApostrophes(GLADLY_BEFORE[family]));
  const isGladlyAfter = wordIn(GLADLY_AFTER[family]);
  /** Whether word k (a wish adjective or «gjerne»/"like") makes a conditional wish (see WISH_ADJECTIVES). */
  const conditionalWish = (k: number, w: string, anyWord: (i: number) => string | undefined) => {
    if (isGladly(w)) {
      return isGladlyBefore(anyWord(k - 1)) && (GLADLY_AFTER[family].length === 0 || isGladlyAfter(anyWord(k + 1)));
    }
    // «hadde vært fint», «would be great», "would have been great" (a copula, maybe "have", a conditional).
    if (!isConditionalCopula(anyWord(k - 1))) return false;
    return isWishConditional(anyWord(k - 2)) || (anyWord(k - 2) === 'have' && isWishConditional(anyWord(k - 3)));
  };
  const endings = new Map(Object.entries(ENDINGS[family]).map(([ending, verbs]) => [ending, wordIn(verbs)]));
  const isLoss = wordIn(LOSSES[family]);
  const isPassiveEnding = wordIn(PASSIVE_ENDINGS[family]);
  /** A pronoun that takes the term up, alone or with its verb ("it's gone", "they're gone"). */
  const takesUp = wordIn([...RESUMPTIVES[family], ...(family === 'en' ? ["it's", "they're", "that's", "it’s", "they’re", "that’s"] : [])]);
  const isAuxiliary = wordIn(PASSIVE_AUXILIARIES[family]);
  const isPassiveLoss = wordIn(PASSIVE_LOSSES[family]);
  const isEffortAfter = wordIn(EFFORT_AFTER[family]);
  const isTimeAfterI = wordIn(TIMES_AFTER_I);
  /** Whether word k ends a verb of loss (see ENDINGS), in the passive and before no effort where it must be (see PASSIVE_ENDINGS). */
  const endsInLoss = (k: number, anyWord: (i: number) => string | undefined) => {
    const w = anyWord(k);
    const ending = w === undefined ? undefined : endings.get(w);
    if (ending === undefined || !ending(anyWord(k - 1))) return false;
    if (!isPassiveEnding(w)) return true;
    // «legges ned», «brukes opp» are passive in themselves; «ble lagt ned», "was closed down" have an auxiliary.
    if (!/st?$/.test(anyWord(k - 1)!) && !isAuxiliary(anyWord(k - 2))) return false;
    const next = anyWord(k + 1);
    if (isEffortAfter(next)) return false;
    return next !== 'i' || isTimeAfterI(anyWord(k + 2)) || /^\d/.test(anyWord(k + 2) ?? '');
  };
  /** Whether word k says that something was lost: a word of loss (LOSSES, the passive ones too) or an ending of one (endsInLoss). */
  const lostAt = (k: number, anyWord: (i: number) => string | undefined) => isLoss(anyWord(k)) || endsInLoss(k, anyWord);
  const isDenialFiller = wordIn(DENIAL_FILLERS[family]);
  const isLackLink = wordIn(LACK_LINKS[family]);
  const isObstacleFiller = wordIn([...DENIAL_FILLERS[family], ...OBSTACLE_ARTICLES[family]]);
  const isDenialVerb = wordIn(DENIAL_VERBS[family]);
  const isSubjectVerb = wordIn(SUBJECT_VERBS[family]);
  /** How many words the negating subject at k has (see SUBJECT_NEGATIONS): 2 for «no one is afraid of», where «no» and «one» are it together, 1, or 0 for none. */
  const negatingSubject = (k: number, anyWord: (i: number) => string | undefined) =>
    isSubjectPair(`${anyWord(k)} ${anyWord(k + 1)}`) ? 2 : isSubjectNegation(anyWord(k)) ? 1 : 0;
  const isDeterminer = wordIn(NEGATING_DETERMINERS[family]);
  /**
   * Whether never-negation k compares: «aldri hatt så mye tid som nå», «aldri hatt så god støtte
   * fra ledelsen som nå» (see NEVER): «som» within COMPARE_REACH words of the term's first word,
   * so that a term of several words, or one that ends inside a word, has its «som» too.
   */
  const comparison = (k: number, term: number, anyWord: (i: number) => string | undefined) => {
    if (!(isNever(anyWord(k)) && isCompareAmount(anyWord(term - 1)) && isCompareBefore(anyWord(term - 2)))) return false;
    for (let j = term + 1; j <= term + COMPARE_REACH; j++) if (isCompareAfter(anyWord(j))) return true;
    return false;
  };
  /** Whether negation k stands under a denial frame whose words begin at most FRAME_REACH words before it: «ikke sånn at vi ikke har tid». */
  const underDeniedThat = (k: number, anyWord: (i: number) => string | undefined) => {
    for (let j = k - 2; j >= k - FRAME_REACH - 1; j--) {
      if (!isNegation(anyWord(j))) continue;
      const end = frameAfter(j, anyWord);
      if (end >= 0 && end < k) return true;
    }
    return false;
  };
  /** Whether negation k belongs to a verb of cost or duration (see COST_VERBS), not to the term. */
  const verbIdiom = (k: number, term: number, anyWord: (i: number) => string | undefined) => {
    const verb = (test: (w: string | undefined) => boolean) => test(anyWord(k - 1)) || test(anyWord(k + 1));
    return verb(isCostVerb) || (verb(isDurationVerb) && isAmount(anyWord(term - 1)));
  };
  /** Whether negation k stands in a cleft before the term: «det er ikke pengene som …». */
  const cleft = (k: number, term: number, anyWord: (i: number) => string | undefined) =>
    ((isCopula(anyWord(k - 1)) && isCleftOpener(anyWord(k - 2))) || isContractedCleft(anyWord(k - 1)))
    && isCleftAfter(anyWord(term + 1)) && (anyWord(term + 1) !== 'det' || isCleftDetVerb(anyWord(term + 2)));
  /** Whether a denied frame stands before lack verb k: «ikke sånn at vi mangler», «tror ikke vi mangler». */
  const deniedFrame = (k: number, anyWord: (i: number) => string | undefined) => {
    for (let j = k - 1; j >= k - FRAME_REACH; j--) {
      if (isFrame(anyWord(j)) && (isNegation(anyWord(j - 1)) || isNegation(anyWord(j + 1)))) return true;
    }
    return false;
  };
  /** Whether a hedge ends at word k: its last word there, the others right before it. */
  const hedgeAt = (k: number, word: (i: number) => string | undefined, anyWord: (i: number) => string | undefined) => {
    const w = word(k);
    if (!isHedgeEnd(w)) return false;
    return hedges.some((h) => h.at(-1) === w && h.every((part, j) => j === h.length - 1 || anyWord(k - h.length + 1 + j) === part));
  };
  /** Whether a copula stands among words from..to-1. */
  const linked = (anyWord: (i: number) => string | undefined, from: number, to: number) => {
    for (let j = from; j < to; j++) if (isCopula(anyWord(j))) return true;
    return false;
  };
  /**
   * Whether a spoken copula and an article link the term to the obstacle at `to` («Bemanninga e et
   * problem», «Tida va eit problem»), with no copula of the obstacle's own after it («god tid, e,
   * problemet er …» is a filler before a new clause).
   */
  const dialectLinked = (anyWord: (i: number) => string | undefined, from: number, to: number) => {
    for (let j = from; j < to - 1; j++) {
      if (isDialectCopula(anyWord(j)) && isArticle(anyWord(j + 1))) return !isCopula(anyWord(to + 1));
    }
    return false;
  };
  /** Whether the clause before word j holds a negation, a negating subject or a condition: «Jeg kan ikke si at jeg opplever …», «Ingen av oss opplever …», «Hvis dere opplever …». */
  const doubted = (j: number, anyWord: (i: number) => string | undefined) => {
    for (let i = j - 1; anyWord(i) !== undefined; i--) {
      const x = anyWord(i);
      if (isNegation(x) || isSubjectNegation(x) || isHypotheticalOpener(x)) return true;
    }
    return false;
  };
  /** The judging verb at most JUDGING_REACH words before the term at `term`, with no negation or condition between or before it in the clause, or -1. */
  const judgedBy = (term: number, anyWord: (i: number) => string | undefined) => {
    for (let j = term - 1; j >= term - 1 - JUDGING_REACH; j--) {
      const x = anyWord(j);
      if (x === undefined || isNegation(x) || isSubordinator(x)) return -1;
      if (isJudgingVerb(x)) return doubted(j, anyWord) ? -1 : j;
    }
    return -1;
  };
  /** Whether the predicate at k says what the term at `term` (its last word before `first`) is: see afterCue. */
  const predicated = (w: string, k: number, first: number, term: number, anyWord: (i: number) => string | undefined) => {
    let c = k - 1;
    while (c >= first && c >= k - DEGREE_REACH && isDegree(anyWord(c))) c--;
    if (c < first) return false;
    // The link: a copula («er lav»), or «som» / "as" after a passive judgement («vurderes som
    // svak», "is seen as weak") or with a judging verb before the term («vi opplever støtten som svak»).
    let link = c;
    let judged = false;
    if (!isCopula(anyWord(c))) {
      if (!isJudgingLink(anyWord(c))) return false;
      if (c - 1 >= first && isPassiveJudging(anyWord(c - 1))) link = family === 'en' && c - 2 >= first && isCopula(anyWord(c - 2)) ? c - 2 : c - 1;
      // The term put first, the verb and its subject after it: «Samarbeidet mellom skolene og barnevernet vurderer hun som svakt».
      else if (family === 'no' && c - 2 >= first && isJudgingVerb(anyWord(c - 2)) && !isNegation(anyWord(c - 1))) link = c - 2;
      else if (judgedBy(term, anyWord) >= 0) judged = true;
      else return false;
      if (family === 'en' && link === c - 1) return false;
    }
    if (link - first > PHRASE_REACH) return false;
    const next = anyWord(k + 1);
    if (next !== undefined && ((!isPhraseOpener(next) && !isNoneFollower(next)) || (isLimited(w) && isLimitedTo(next)))) return false;
    if (link > first && !isPhraseOpener(anyWord(first))) return false;
    for (let j = first + 1; j < link; j++) {
      const x = anyWord(j);
      if (isSubordinator(x) || isCopula(x) || isNegation(x)) return false;
    }
    if (judged) return true;
    const before = anyWord(term - 1);
    return before === undefined || isSubjectOpener(before);
  };
  const predicates = (k: number, word: (i: number) => string | undefined, first: number, anyWord: (i: number) => string | undefined, term: number) => {
    const w = word(k);
    return w !== undefined && term >= 0 && isPredicate(w) && predicated(w, k, first, term, anyWord);
  };
  const deniesObstacle = (k: number, word: (i: number) => string | undefined, first: number, anyWord: (i: number) => string | undefined) => {
    const w = word(k);
    // «ikke bare et problem» keeps the obstacle.
    if (!isNegation(w) || isRestrictor(word(k + 1))) return false;
    // «tid har ikke vært et problem», «tid har aldri vore noko problem»: the copula after the negation.
    let copula = false;
    for (let j = k + 1; j < k + OBSTACLE_REACH; j++) {
      if (isObstacle(word(j))) return isNegatedCopula(w) || copula || linked(anyWord, first, k);
      if (!copula && j === k + 1 && isCopula(anyWord(j))) {
        copula = true;
        continue;
      }
      // Only an article or an amount between: «ikke et nytt problem», «ikke det eneste problemet»,
      // "not a new problem" deny that it is new or the only one, not that it is a problem.
      if (!isObstacleFiller(anyWord(j))) return false;
    }
    return false;
  };
  return {
    beforeCue(k, word, term, anyWord, last = term) {
      const w = word(k);
      if (w === undefined) return 0;
      if (isHope(w) && hopesToKeep(k, term, last, anyWord)) return 0;
      if (isWishAdjective(w) || isGladly(w)) return conditionalWish(k, w, anyWord) ? 1 : 0;
      // «burde hatt», «skulle (ha) vært», "should have had": what ought to have been there.
      if (isDutyPerfect(w) && (isDutyModal(anyWord(k - 1)) || (isDutyHave(anyWord(k - 1)) && isDutyModal(anyWord(k - 2))))) return 1;
      if (isHypotheticalVerb(w)) {
        const opener = isHypotheticalOpener(anyWord(k - 1)) ? k - 1 : isHypotheticalOpener(anyWord(k - 2)) ? k - 2 : -1;
        // «spurte om de hadde …», "asked if they were …" ask; they wish for nothing.
        // "as if we had" compares (a denial frame's words), it wishes for nothing.
        return opener >= 0 && !isAsking(anyWord(opener - 1)) && !(family === 'en' && anyWord(opener - 1) === 'as') ? 1 : 0;
      }
      // "zero time", «null penger», "barely any time": right before the term, or with "any" between; not "net zero", «fra null».
      if (isNearAmount(w)) return (term - k === 1 || (term - k === 2 && anyWord(k + 1) === 'any')) && !isNotAmountBefore(anyWord(k - 1)) ? 1 : 0;
      if (isObstacle(w) && !before(w)) return isCopula(anyWord(k + 1)) && term - k <= 3 ? 1 : 0;
      // «Vi må få mer tid», «Ledelsen bør gi oss mer støtte»: a call for more of it.
      if (isMore(w) && !before(w)) return term - k === 1 && calledFor(k, anyWord) ? 1 : 0;
      if (!before(w)) return 0;
      if (isNeedVerb(w) && conditionalNeed(k, anyWord)) return 0;
      if (isSmall(w) && (isArticle(anyWord(k - 1)) || (k + 2 < term && isJudgement(anyWord(k + 1))))) return 0;
      // «aldri hatt så mye tid som nå», «sjelden hatt så mye tid som nå» compare: no lack.
      if (isNever(w) && comparison(k, term, anyWord)) return -1;
      if (isNegation(w)) {
        const obstacle = isNegatedCopula(w) ? k - 1 : isCopula(anyWord(k - 1)) ? k - 2 : -1;
        const afterObstacle = obstacle >= 0 && isObstacle(word(obstacle));
        // «vi mangler ikke bare tid», «utfordringen er ikke bare tid» are a lack; «vi har ikke
        // bare tid, men også penger» is not.
        if (isRestrictor(word(k + 1))) return isVerb(word(k - 1)) || afterObstacle ? 1 : 0;
        if (cleft(k, term, anyWord) || verbIdiom(k, term, anyWord) || underDeniedThat(k, anyWord)) return -1;
        if (isDoubt(anyWord(k + 1)) || (isObstacle(word(k + 1)) && k + 1 < term)) return -1;
        // «utfordringen er ikke tid», «problemet e'kje tid»: the term is not the obstacle.
        if (afterObstacle) return -1;
        // «Jeg tror ikke tid er problemet», «not money is the issue»: the negation denies that
        // the term is the obstacle, as «tid er ikke problemet» does.
        if (k === term - 1 && isCopula(anyWord(term + 1)) && (isObstacle(word(term + 2)) || isObstacle(word(term + 3)))) return -1;
        // «mangler ikke», «savner ikke», «håper ikke»: a negated lack verb or wish says the lack is not there.
        return isVerb(word(k - 1)) || isWish(word(k - 1)) ? -1 : 1;
      }
      const between = word(k - 1);
      if (isNegation(between)) return -1;
      if (isNegation(word(k - 2)) && !isRestrictor(between)) return -1;
      return isVerb(w) && deniedFrame(k, anyWord) ? -1 : 1;
    },
    isWish,
    reachesFar(k, word, term, anyWord) {
      return isWish(word(k)) || (term - k <= SUBJECT_REACH && negatingSubject(k, anyWord) > 0 && this.deniesOutright(k, term, anyWord));
    },
    opensCounterfactual,
    isConditional,
    hedged(from, to, word, anyWord, next) {
      if (!isContrast(next)) return false;
      let practice: boolean | undefined;
      for (let k = from; k <= to; k++) {
        if (!hedgeAt(k, word, anyWord)) continue;
        if (!isReportedSpeech(word(k))) return true;
        practice ??= aboutPractice(next);
        if (practice) return true;
      }
      return false;
    },
    // «ingenting», "nothing" are replies (REPLY_NEGATIONS).
    namesObstacle: (words) => words.length > 0 && !words.some((w) => isNegation(w) || isReply(w) || isHaving(w) || isSubjectNegation(w)),
    asksForObstacles(words) {
      if (!words.some((w) => isWhWord(w))) return -1;
      if (words.some((w) => isObstacleQuestionHelp(w))) return -1;
      const at = words.findIndex((w) => isObstacleQuestion(w));
      return at >= 0 ? at : obstaclePhraseAt(words);
    },
    attempted(from, term, word, anyWord, next) {
      if (!isContrast(next)) return false;
      for (let k = from; k < term - 1; k++) {
        if (!isAttempt(word(k)) || anyWord(k + 1) !== attemptMarker) continue;
        for (let j = 0; j < ATTEMPT_REACH; j++) if (isAttemptWorked(next(j))) return false;
        return true;
      }
      return false;
    },
    isReply,
    answers: (w) => isAffirmative(w) || isReply(w) || isNegation(w),
    isAffirmative,
    rhetoricalOpening,
    denialFrame,
    isFrameChange: wordIn(FRAME_CHANGES[family]),
    formerState,
    scarceBefore,
    answersQuestion: (words) => isAffirmative(words[0]) || isPreposition(words[0]) || isPreposition(words[1]) ||
      (words.some(isHaving) && !words.some((w) => isNegation(w) || isReply(w) || isDeterminer(w))),
    rhetorical: (opening, after) => rhetoricalOpening(opening) && (!isRhetoricalWhere(opening[0]) || after.slice(0, 3).some(isRhetoricalFrom)),
    isPreposition,
    headsPhrase: (w) => isPreposition(w) && !isParticle(w),
    affirms(words) {
      if (words.length === 0 || !isAffirmative(words[0])) return false;
      return words.every((w) => !isNegation(w) && !isReply(w) && !isContrastWord(w));
    },
    keepsDenying: (words) => !words.some(isAffirmative) && (isContrastWord(words[0]) || words.some((w) => isNegation(w) || isReply(w))),
    keepsTo: (words) => !words.some(isAffirmative),
    isContrastWord,
    isResumptive: wordIn(RESUMPTIVES[family]),
    lossClause: (e, anyWord) => {
      let j = e;
      let w = anyWord(j);
      const contrast = isContrastWord(w);
      if (contrast) w = anyWord(++j);
      // Most clauses open with neither: one look at the first word before the phrases are tried.
      const now = isNowStart(w) ? phraseAt(presentOpeners, j, j + 4, anyWord) : 0;
      if (!contrast && now === 0) return -1;
      j += now;
      // «nå er de borte»: after a word of now, the verb comes before the pronoun.
      if (now > 0 && !takesUp(anyWord(j))) j++;
      if (!takesUp(anyWord(j))) return -1;
      for (let k = j + 1; k <= j + 3; k++) if (lostAt(k, anyWord)) return k;
      return -1;
    },
    refuses: (w) => isRefusal(w) || isNegation(w),
    appliesFor(first, anyWord) {
      const at = isApplyingFor(anyWord(first - 1)) ? first - 1 : isApplyingFor(anyWord(first - 2)) ? first - 2 : -1;
      return at >= 0 && isApplying(anyWord(at - 1));
    },
    followsUp: wordIn(FOLLOW_UPS[family]),
    negatedAnswer(words) {
      // «Ikke bare tid, vi mangler penger også»: not only, so yes.
      return words.length > 0 && isNegation(words[0]) && !isRestrictor(words[1]) && !words.some((w) => isAffirmative(w) || isContrastWord(w) || isEnough(w));
    },
    isScarceValue: wordIn(SCARCE_VALUES[family]),
    opensQuestion: (w, next) => isWhWord(w) && !isAbout(next),
    asksAbout: (w, next) => isWhWord(w) && isAbout(next),
    judgesClause: (words) => isCopula(words[0]) && isIt(words[1]) && (isThat(words[3]) || isThat(words[4])),
    undoesYes: (words) => words.some((w) => isNegation(w) || isReply(w) || isHedgeEnd(w)),
    negatedValue: (words) => words.length > 0 && (isNegation(words[0]) || isReply(words[0])) && !isRestrictor(words[1]) && !isDoubt(words[1]) && !words.some(isContrastWord),
    onlyFillers: (words) => words.length > 0 && words.every((w) => isNoneFollower(w)),
    saysNone: (words) => words.length > 0 && (isReply(words[0]) || isDeterminer(words[0]) || isNegation(words[0])) && words.slice(1).every((w) => isNoneFollower(w) || isAnswerWord(w) || /^\d+$/.test(w)),
    denyingAnswer(words) {
      let at = -1;
      for (let i = 0; i < words.length; i++) {
        if (isNegation(words[i]) || isReply(words[i])) at = at < 0 ? i : at;
        else if (!isAnswerWord(words[i])) return -1;
      }
      return at;
    },
    deniesObstacle,
    isObstacle,
    isNegation,
    opposes(k, term, last, anyWord) {
      if (k >= term) return false;
      for (let j = k - 1; anyWord(j) !== undefined; j--) if (isAskedIf(anyWord(j)) && isAsking(anyWord(j - 1))) return false;
      const w = anyWord(k);
      if (isNegation(w) || isSubjectNegation(w)) return this.deniesOutright(k, term, anyWord) && !(isDeterminer(w) && isModal(anyWord(last + 1)));
      if (isQualityLack(w)) return false;
      for (let j = k + 1; j < term; j++) if (!isDenialFiller(anyWord(j)) && !isLackLink(anyWord(j))) return false;
      return true;
    },
    deniesOutright(k, term, anyWord) {
      const negation = anyWord(k);
      if (k >= term) return false;
      const frame = denialFrame(k, anyWord);
      if (frame >= 0) {
        if (frame >= term || term - frame > DENIAL_REACH) return false;
        for (let j = frame + 1; j < term; j++) {
          const w = anyWord(j);
          if (!isFrameClauseSubject(w) && !isDenialVerb(w) && !isCopula(w) && !isDenialFiller(w)) return false;
        }
        return true;
      }
      const words = negatingSubject(k, anyWord);
      const subject = words > 0;
      if (!subject && !isNegation(negation)) return false;
      let j = k + Math.max(words, 1);
      // A determiner denies its noun, not a verb («ingen har kalt det innovasjon», "nobody has seen
      // resistance like this"), unless it is a subject with a phrase after it or a verb of having
      // or taking part: «Ingen av oss har fått opplæring», «Ingen har tatt kurs».
      const verbs = !isDeterminer(negation) || (subject && (isPreposition(anyWord(j)) || isSubjectVerb(anyWord(j + 1))));
      let copula = false;
      let compares = false;
      // «ingen i enheten har …», «ingen av oss har …»: who the subject is, before its verb.
      if (subject && isPreposition(anyWord(j))) {
        const end = j + SUBJECT_PHRASE;
        j++;
        while (j < term && j < end && !isDenialVerb(anyWord(j)) && !isCopula(anyWord(j))) j++;
        if (!isDenialVerb(anyWord(j)) && !isCopula(anyWord(j))) return false;
      }
      for (; j < term; j++) {
        const w = anyWord(j);
        if (subject && isCopula(w)) copula = true;
        // «gått på kurs», «vært på kurs»: the verb's preposition right before the term.
        else if (j === term - 1 && isLackLink(w) && verbs && isDenialVerb(anyWord(j - 1))) continue;
        else if (!isDenialFiller(w) && !(verbs && isDenialVerb(w))) return false;
        if (isComparative(w)) compares = true;
      }
      // «Ingen er så redd for å feile som rådmannen», "nobody is more risk-averse than finance": a comparison, not a denial.
      return !(copula && compares);
    },
    predicates,
    afterCue(k, word, first, anyWord, term) {
      if (predicates(k, word, first, anyWord, term)) return 1;
      const w = word(k);
      if (w === undefined) return 0;
      if (endings.has(w)) return endsInLoss(k, anyWord) && k - first < CUE_WINDOW_AFTER ? 1 : 0;
      if (isPassiveLoss(w)) return isAuxiliary(anyWord(k - 1)) && k - first < CUE_WINDOW_AFTER ? 1 : 0;
      if (isObstacle(w) && !after(w)) return k - first < OBSTACLE_REACH && (linked(anyWord, first, k) || dialectLinked(anyWord, first, k)) ? 1 : 0;
      if (!after(w) || k - first >= CUE_WINDOW_AFTER) return 0;
      if (isLimited(w) && (k === first || isLimitedTo(anyWord(k + 1)))) return 0;
      if (isSmall(w) && isJudgement(anyWord(k + 1))) return 0;
      const next = word(k + 1);
      if (needsNegation(w)) return isNegation(next) ? 1 : 0;
      if (isNegation(w)) {
        // «fordi tida ikke strekker til»: in a subordinate clause the negation comes first.
        if (next !== undefined && needsNegation(next)) return 1;
        if (next !== undefined && !isNegation(next) && (before(next) || after(next))) return -1;
        if (deniesObstacle(k, word, first, anyWord)) return -1;
        for (let j = k + 2; j <= k + VERB_REACH; j++) if (isVerb(word(j))) return -1;
        return 1;
      }
      if (!isNegation(next)) return 1;
      return isRestrictor(word(k + 2)) ? 1 : -1;
    },
  };
}
