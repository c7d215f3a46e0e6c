// What each context adds to the portal: navigation links, section pages and dashboard cards. Each context keeps its
// own file, so that the portal grows feature by feature without everyone editing the same lists.
import accreditation from './accreditation.js';
import assessment from './assessment.js';
import audit from './audit.js';
import exchange from './exchange.js';
import membership from './membership.js';
import notification from './notification.js';

export const FEATURES = [exchange, membership, assessment, accreditation, notification, audit];

/** Navigation entries: { href, label, public?, roles? }. */
export const navigation = () => FEATURES.flatMap(feature => feature.navigation || []);

/** Pages of a role's section (such as '/admin/'): { href, title, description, roles? }. */
export const sectionPages = section => FEATURES.flatMap(feature => (feature.sections || {})[section] || []);

/** Dashboard cards: { title, show(me), render(me) -> Promise<Node[]> }. */
export const dashboardCards = () => FEATURES.flatMap(feature => feature.dashboardCards || []);
