// Package diary is what lumbar's diary holds and what it means, with no
// file and no terminal behind it: the records (pain entries, water,
// stretch sessions, answers to reminders) and their validation; the word
// lists they use and the parsing of what a person types; days and daily
// sums; insights and the sentences that word them; the warning signs, the
// urgency ladder and its advice (one source for that wording); the
// settings registry and how each setting's value is kept as bytes; the
// sparkline; and the reminder schedule, a pure function of the stored
// state and the time.
//
// Package store keeps these records in a file; the tabs and the commands
// show them. Shared logic that is neither file nor screen belongs here;
// an import-rule test (cmd/lumbar/imports_test.go) keeps this package free
// of bbolt, terminal libraries and the app.
package diary
