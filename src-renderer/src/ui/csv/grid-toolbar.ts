/**
 * The DataGrid toolbar's own "Download as CSV" writes amounts as the cells format them and names
 * the file Paydesk.csv (issue 8), so every grid that shows a toolbar turns it off and its screen
 * offers <ExportCsvButton> instead. Print stays.
 */
export const TOOLBAR_WITHOUT_BUILT_IN_CSV = { csvOptions: { disableToolbarButton: true } } as const;
