// Stop words for the inductive pass, on top of the shared lists in src/text/stopwords.ts.

/**
 * Words too general to name a theme, on top of the stop words: verbs, adverbs and adjectives
 * that informants use about anything ("det tar tid" is about time, not about "ta").
 */
export const GENERAL: ReadonlySet<string> = new Set([
  'tar', 'ta', 'tatt', 'tok', 'går', 'gå', 'gikk', 'gått', 'kommer', 'komme', 'kom', 'kommet', 'sitter', 'sitte', 'satt',
  'legger', 'legge', 'lagt', 'la', 'setter', 'sette', 'sett', 'satte', 'gir', 'gi', 'gitt', 'ga', 'holder', 'holde', 'holdt',
  'står', 'stå', 'stod', 'sto', 'vet', 'vite', 'visste', 'finner', 'finne', 'fant', 'funnet', 'finnes', 'trenger', 'trenge',
  'bruker', 'bruke', 'brukt', 'brukte', 'lager', 'lage', 'laget', 'laga', 'ser', 'se', 'så', 'sett', 'prøver', 'prøve',
  'helt', 'ofte', 'alltid', 'aldri', 'nesten', 'først', 'første', 'siste', 'slutt', 'fram', 'frem', 'igjen', 'hele', 'selv',
  'nye', 'nytt', 'ny', 'gamle', 'store', 'stor', 'stort', 'liten', 'lite', 'små', 'god', 'godt', 'gode', 'bra', 'viktig',
  'viktige', 'viktigste', 'mange', 'fleste', 'måte', 'måten', 'hverandre', 'slik', 'sånn', 'folk', 'gang', 'ganger',
  'gjennom', 'mellom', 'etter', 'sammen', 'samme', 'annen', 'annet', 'egen', 'eget', 'egne', 'sin', 'sitt', 'sine',
  'blitt', 'vært', 'hatt', 'fikk', 'gjorde', 'sa', 'sier', 'mener', 'lenger', 'enda', 'heller', 'likevel', 'faktisk',
  'stadig', 'fortsatt', 'kanskje', 'sikkert', 'klart', 'enkelt', 'vanskelig', 'mulig', 'greit', 'ganske', 'nok',
  'snakke', 'snakker', 'snakket', 'følger', 'følge', 'fulgt', 'eneste', 'spør', 'spørre', 'spurte', 'spurt', 'hører',
  'høre', 'hørt', 'handler', 'handle', 'virker', 'virke', 'burde', 'bør', 'syns', 'synes', 'trodde', 'tro', 'tenke',
  'tenkte', 'henger', 'ligger', 'skjer', 'skjedde', 'begynte', 'begynt', 'fortsette', 'fortalte', 'forteller',
  'skrive', 'skriver', 'skrevet', 'måtte', 'kunne', 'ville', 'skulle', 'gjerne', 'ellers', 'uansett', 'hvert',
  'hver', 'hvor', 'vel', 'også', 'bare', 'akkurat', 'rett', 'riktig', 'litt', 'veldig', 'ganske', 'mer', 'mindre',
  // Nynorsk function words the shared stop list lacks.
  'ein', 'eit', 'frå', 'hjå', 'meir', 'mykje', 'fleire', 'kvar', 'kven', 'sjølv', 'nokon', 'noko', 'vart', 'blei',
  'desse', 'saman', 'kor', 'difor', 'medan', 'utan', 'berre', 'ikkje', 'vere', 'vore', 'dykk', 'dykkar', 'hennar',
  'anna', 'andre', 'gjer', 'gjere', 'gjort', 'seier', 'meiner', 'nemner', 'nemnde', 'nevner', 'nevnte', 'nevnt',
  // Interview-note words that name the setting, not a theme.
  'informant', 'informanten', 'informants', 'interviewer', 'intervjuer', 'respondent',
  'intervju', 'intervjuet', 'intervjua', 'intervjuene', 'intervjuer', 'notat', 'notatet', 'notater', 'notatene',
  'interview', 'interviews', 'note', 'notes',
  // Fillers and abbreviation pieces: «ikke sant», «f.eks.» (f + eks), «hjemme hos».
  'sant', 'eks', 'feks', 'hos', 'eh', 'ehm', 'hm', 'mm', 'liksom', 'altså', 'asså', 'sånn', 'sånt',
  // Number words: counts, not topics.
  'to', 'tre', 'fire', 'fem', 'seks', 'sju', 'syv', 'åtte', 'ni', 'ti', 'tjue', 'hundre',
  'one', 'two', 'three', 'four', 'five', 'ten', 'hundred',
  // English words of degree and manner that the stop list lacks.
  'actually', 'among', 'little', 'quite', 'rather', 'pretty', 'thing', 'things', 'kind', 'sort', 'bit', 'lots',
  // English verbs, adverbs and adjectives used about anything, as the Norwegian ones above:
  // «every, new», «end, users» and «know, though» named candidates or led their key terms.
  'gets', 'getting', 'takes', 'took', 'taken', 'goes', 'went', 'gone', 'going', 'comes', 'coming', 'makes', 'made',
  'give', 'gives', 'gave', 'given', 'put', 'puts', 'keep', 'keeps', 'kept', 'know', 'knows', 'knew', 'known', 'find',
  'finds', 'finding', 'need', 'needs', 'needed', 'use', 'uses', 'used', 'using', 'sees', 'saw', 'seen', 'try', 'tries',
  'tried', 'says', 'tell', 'tells', 'told', 'think', 'thinks', 'thought', 'feel', 'feels', 'felt', 'seem', 'seems',
  'seemed', 'mean', 'means', 'meant', 'happen', 'happens', 'happened', 'start', 'starts', 'started', 'look', 'looks',
  'looked', 'want', 'wants', 'wanted', 'let', 'become', 'becomes', 'became', 'ask', 'asks', 'asked', 'talk', 'talks',
  'talked', 'always', 'often', 'almost', 'first', 'last', 'again', 'whole', 'own', 'new', 'old', 'big', 'small',
  'good', 'great', 'nice', 'important', 'every', 'everyone', 'everybody', 'everything', 'someone', 'somebody',
  'something', 'anyone', 'anything', 'nothing', 'really', 'just', 'even', 'yet', 'though', 'although', 'once', 'end',
  'lot', 'able', 'sure', 'probably', 'maybe', 'perhaps', 'simply', 'course', 'fact', 'example', 'together', 'else',
  'honest', 'honestly', 'long', 'part', 'against', 'asking', 'trying', 'saying', 'telling', 'thinking', 'making', 'taking', 'giving', 'looking',
  'six', 'seven', 'eight', 'nine', 'eleven', 'twelve', 'fifteen', 'twenty', 'thirty', 'forty', 'fifty',
  // Times of the year and calendar units, in both languages: when, not what («health, summer»).
  'week', 'weeks', 'month', 'months', 'year', 'years', 'day', 'days', 'summer', 'autumn', 'winter',
  'uke', 'uka', 'uker', 'ukene', 'veke', 'veka', 'måned', 'måneden', 'måneder', 'månad', 'dag', 'dagen', 'dager',
  'dagar', 'år', 'året', 'årene', 'åra', 'sommer', 'sommeren', 'sommar', 'høst', 'høsten', 'haust', 'hausten',
  'vinter', 'vinteren',
]);
