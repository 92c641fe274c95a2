'use strict';
// Differential corpus for util.parseEnv: hand-picked .env texts (quotes,
// comments, export, blank lines, CRLF, unclosed quotes) and seeded random
// texts assembled from the same pieces.

const { parseEnv } = require('util');

function emit(label, result) {
  console.log(JSON.stringify([label, result]));
}

function attempt(fn) {
  try {
    const parsed = fn();
    return ['ok', Object.keys(parsed), parsed];
  } catch (err) {
    return ['throws', err.name, err.code, err.message];
  }
}

const kFixed = [
  'A=1', 'A=1\nB=2', ' A = 1 ', 'A="x y"', "A='x y'", 'A=`x y`', 'A="a\\nb"',
  "A='a\\nb'", 'A="multi\nline"', 'A=x # comment', 'A="x # not"', '# c\nA=1',
  'export A=1', 'A', 'A=', '=1', 'A=1=2', 'A="unterminated', 'A=1\r\nB=2',
  'A="x"y', ' export  B = "q" ', "A='x' # c", 'A=a\\nb', 'A="\\t"', 'A.B=1',
  'a-b=2', 'A=1\nA=2', 'A="x\\"y"', 'A=  spaced  value  ', 'A="  pad  "',
  'A=#x', 'A= #x', 'A=x#y', '\n\nA=1\n\n', 'A=`a\nb`', "A='a\nb'",
  'A=" x"\nB=\'y\'\nC=`z`', 'EXPORT A=1', 'export=1', 'A:1', 'A = "x" # c',
  'A="a"#c', 'A=${B}', 'A\nB=1', 'A=1\nB', '#A=1', '  # c\nB=2', "A='x",
  'A=`x', 'export  A=1', 'A="x""y"', 'A="a\nb', "A= 'x' ", 'A B=1', '=\nB=1',
  'A=1 \t', '\tA=1', 'A=\t1', 'A="a\\\\nb"', "A='x'y", 'A="x" \nB=1',
  'A="x\nB=2\nC="', 'A=1#', ' = ', 'A==', "A='\"'", 'A="\'"', 'A=`\'"`',
  'A=""', "A=''", 'A=``', 'export\tA=1', 'A="\\n"', 'A="x\\ny"z', 'A\t=1',
  'A=\\n', "A='a\\nb' x", 'A=1\n#B=2\nC=3', 'A=1 # x\nB=2', 'A="a""\nB=1',
  'A=x\r\n', 'A="x\r\ny"', 'B=1\nA=2', 'b=1\nB=2\na=3\n1=4', 'A="a #x  \nB=1',
  'A= "x"', 'A=  `x`  y', 'A=x\\\ny', '#c', '#c\n', 'A=1\n#c', ' \n A=1',
  'A="x\\n\\ny"', 'A=\u00e9\u00e9', 'A=1\n=2\nB=3', 'A=1\n \nB', 'A="\nB=2',
  "A='x\n", "  A='x\ny'", 'A=x\n  # c\nB=2', 'A=\nB=2', 'A= \nB=2', ' A\n=1',
  '\n\n A=1', 'A=\n\nB=2', 'A=x \n\nB=2', 'A="x"\n\n#c\nB=2', 'A="x"  \n  B=2',
  'A=1\n\n\n  B=2', '\r\nA=1', 'A="x"#c\nB=1', '__proto__=1\nA=2', '',
  '\n', '   ', 'constructor=1', 'A=1\r', 'Z=1\nY=2\nX=3',
  'A=x\n  =1', 'A=x\n\n  =1', 'A=x\n =1\nB=2', 'A="q"\n  =1', '  =1', '\n  =1',
  'A=x\n  B=1', 'A=x\n#c\n  =1', 'A=x\n=1', 'A=x\n  \n=1', '\n=1', '\n =1',
  '\n\n =1', '\n\n=1', ' \n=1', ' \n =1', '\n#c\n =1', '\nA=1', '\n A=1',
  'A=1\n =2', 'A=1\n \n B=2', 'A=1\n\n B=2', "A='x\nB=1", 'A="x\n', 'A=x\n',
  ' \t\n =1', 'A=1\n\t=2', '  \n  \n  =1',
];

function fixedCases() {
  kFixed.forEach((text, i) => {
    emit(`fixed ${i} ${JSON.stringify(text)}`, attempt(() => parseEnv(text)));
  });
  for (const value of [5, null, undefined, {}, true]) {
    emit(`bad ${String(value)}`, attempt(() => parseEnv(value)));
  }
  emit('length', parseEnv.length);
}

function randomCases() {
  const keys = ['A', 'B', ' C', 'export D', 'E E', '', '#F', 'g.h'];
  const values = ['1', ' 2 ', '"q"', "'s'", '`t`', '"a\\nb"', '"open', "'open",
    '`open', 'x # c', '"x"#c', '', ' "sp" ', '"m\nl"', 'v\\n'];
  const joins = ['\n', '\r\n', '\n\n', '\n# note\n', ' \n', '\n  ', '\n \n',
    '#\n', '\n#'];
  let seed = 1234;
  const pick = (list) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    // The high bits of a linear congruential generator are the random ones.
    return list[Math.floor(seed / 65536) % list.length];
  };
  for (let n = 0; n < 800; ++n) {
    let text = '';
    const pairs = 1 + (n % 4);
    for (let k = 0; k < pairs; ++k) {
      text += `${pick(keys)}=${pick(values)}`;
      if (k + 1 < pairs) text += pick(joins);
    }
    emit(`random ${n} ${JSON.stringify(text)}`, attempt(() => parseEnv(text)));
  }
}

fixedCases();
randomCases();
