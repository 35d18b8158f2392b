import { words as noWords } from 'natural/lib/natural/util/stopwords_no.js';
import { words as enWords } from 'natural/lib/natural/util/stopwords.js';
import type { Lang } from '../model.js';

// natural's Norwegian list is bokmål only; these add nynorsk, dialect and interview-note fillers.
const EXTRA_NO = [
  'ikkje', 'eg', 'me', 'dei', 'ho', 'kva', 'korleis', 'berre', 'òg', 'også', 'noko', 'nokon',
  'vere', 'vore', 'blir', 'bli', 'ble', 'vært', 'sier', 'sa', 'mener', 'får', 'fått', 'få',
  'kan', 'kunne', 'skal', 'skulle', 'må', 'måtte', 'vil', 'ville', 'gjør', 'gjøre', 'gjort',
  'litt', 'mye', 'veldig', 'ganske', 'egentlig', 'liksom', 'jo', 'da', 'nå', 'så', 'altså',
  'tror', 'synes', 'tenker', 'ting', 'noe', 'noen', 'hvis', 'fordi', 'derfor', 'både',
  'mer', 'mest', 'flere', 'alle', 'alt', 'andre', 'annen', 'annet', 'hele', 'ja', 'nei',
  'informant', 'informanten', 'intervjuer', 'f.eks', 'bl.a', 'osv', 'dvs', 'etc', 'ca',
];
// natural's English list has neither negations nor contractions: «don't, polite» named a candidate.
const CONTRACTIONS_EN = [
  "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't", "can't", "couldn't", "won't", "wouldn't",
  "shouldn't", "haven't", "hasn't", "hadn't", "it's", "there's", "that's", "what's", "here's", "let's", "i'm", "we're",
  "they're", "you're", "he's", "she's", "i've", "we've", "they've", "you've", "i'd", "we'd", "they'd", "i'll", "we'll", "they'll",
];
const EXTRA_EN = [
  'also', 'would', 'could', 'really', 'think', 'lot', 'lots', 'yes', 'well', 'says', 'said', 'not', 'no', 'nobody', 'nothing',
  'never', 'just', 'honestly', 'actually', 'maybe', 'much', 'thing', 'things', 'kind', 'sort', 'bit', 'get', 'got', 'bit', 'yeah',
  ...CONTRACTIONS_EN, ...CONTRACTIONS_EN.map((w) => w.replace("'", '’')),
];

const lists = new Map<Lang, ReadonlySet<string>>();

export function stopwordsFor(lang: Lang): ReadonlySet<string> {
  let set = lists.get(lang);
  if (!set) {
    set = new Set(lang === 'en' ? [...enWords, ...EXTRA_EN] : [...noWords, ...EXTRA_NO]);
    lists.set(lang, set);
  }
  return set;
}
