// membership-service in the portal: profile, organisations, membership, CPD, invoices.
export default {
  navigation: [],
  sections: {},
  dashboardCards: []
};
