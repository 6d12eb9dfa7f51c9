// Where the card terminal lives: the route and the e2e specs read it here.

export const CARD_TERMINAL_PATH = '/cards/terminal';
