// Where the card programs screen lives: the route, the Settings screen's Cards card and the e2e specs read it here.

export const CARD_PROGRAMS_PATH = '/admin/card-programs';
