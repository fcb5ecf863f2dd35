// Chart colours. Each has at least 5:1 against white and the page's band colour, so a legend's
// text or a white label on a fill passes WCAG AA (4.5:1), and slices and tiles are parted by
// white strokes (1.4.11 asks 3:1 against what is adjacent).
export const PART_COLOURS = ['#9f1d20', '#1f4e79', '#2e6b3a', '#7a4b00', '#5b3f8c', '#00626b', '#8a3b6b', '#4d4d4d'] as const;

/** This year in red (the site's accent), last year in slate. */
export const CURRENT_COLOUR = '#9f1d20';
export const PRIOR_COLOUR = '#5f6b73';

export const partColour = (index: number): string => PART_COLOURS[index % PART_COLOURS.length] ?? '#4d4d4d';
