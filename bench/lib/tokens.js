'use strict';
// What a model pays for text: o200k tokens (GPT-4o family; a fair proxy for current models) and characters.
const { countTokens } = require('gpt-tokenizer/encoding/o200k_base');

/** Tokens and characters of a string, or of a value as compact JSON. */
function measureText(value) {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  if (typeof text !== 'string') throw new Error('nothing to measure');
  return { tokens: countTokens(text), chars: text.length };
}

module.exports = { measureText, countTokens };
