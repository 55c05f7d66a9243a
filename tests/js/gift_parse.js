// Parse a GIFT file with the third-party gift-pegjs parser and print the result as JSON.
// Usage: node gift_parse.js FILE   (exit 2 with the parser's message on a syntax error)
"use strict";
const fs = require("fs");
const { parse } = require("gift-pegjs");

const text = fs.readFileSync(process.argv[2], "utf8");
try {
  process.stdout.write(JSON.stringify(parse(text)));
} catch (e) {
  const where = e.location ? ` at line ${e.location.start.line}, column ${e.location.start.column}` : "";
  process.stderr.write(`${e.name}: ${e.message}${where}\n`);
  process.exit(2);
}
