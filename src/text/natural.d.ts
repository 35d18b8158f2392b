// natural ships types only for its root; we import single modules to keep start-up fast and
// stdout clean (the root pulls in dotenv, which prints), so we declare the few we use.
declare module 'natural/lib/natural/stemmers/porter_stemmer_no.js' {
  const stemmer: { stem(token: string): string };
  export default stemmer;
}
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const stemmer: { stem(token: string): string };
  export default stemmer;
}
declare module 'natural/lib/natural/util/stopwords_no.js' {
  export const words: string[];
}
declare module 'natural/lib/natural/util/stopwords.js' {
  export const words: string[];
}
