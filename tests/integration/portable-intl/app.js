// Intl in locales other than English: proves the portable output carries
// ICU's full data (libicudata), not a stub that only knows "en".
'use strict';
const when = new Date(Date.UTC(2024, 2, 5, 13, 7));
console.log(new Intl.DateTimeFormat('de-DE', {
  dateStyle: 'full', timeStyle: 'short', timeZone: 'UTC',
}).format(when));
console.log((1234567.891).toLocaleString('de-DE'));
console.log(new Intl.NumberFormat('ja-JP', {
  style: 'currency', currency: 'JPY',
}).format(5000));
console.log(['ä', 'z', 'a'].sort(new Intl.Collator('sv').compare).join(','));
console.log(new Intl.PluralRules('ar').select(3));
