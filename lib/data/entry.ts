// The entry area's server side, one import for the 'use server' wrappers and the tests: reading
// an accounts for the entry page, starting a year, explaining warnings, submitting. Saving
// figures and sections is saveCells (accounts-write.ts). Server-only.
export { readEntry, type EntryData } from './entry-read';
export { startYear, ZStartYear } from './entry-start';
export { saveExplanation, submitFinalAccounts, ZSaveExplanation, ZSubmit } from './entry-submit';
