// exchange-service in the portal: networks, groups, meetings, attendance, outcomes.
export default {
  navigation: [],
  sections: {},
  dashboardCards: []
};
