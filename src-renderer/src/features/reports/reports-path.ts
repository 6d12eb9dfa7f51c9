/** The Reports screen; its own module so the route registry imports nothing else of the feature. */
export const REPORTS_PATH = '/reports';
