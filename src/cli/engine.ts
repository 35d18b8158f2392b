import { setFlagsFromString } from 'node:v8';

/**
 * Regular expressions straight to machine code. V8 first compiles an expression to bytecode and
 * compiles it again, to machine code, once it has run a few times; a codebook's expressions all
 * run that often on any corpus, so each was compiled twice, in every worker thread. With the
 * default codebook's 133 expressions (case-insensitive, with \p{L}) that was about 350 ms of
 * compiling per thread, against 140 ms for one compile each (measured 7 December). Set before
 * any expression is compiled; V8's flags hold for the whole process, worker threads included.
 */
setFlagsFromString('--no-regexp-tier-up');
