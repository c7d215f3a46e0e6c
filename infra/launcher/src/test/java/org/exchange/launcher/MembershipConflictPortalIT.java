package org.exchange.launcher;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Two people edit the same Memorandum of Understanding: the one who saves second is told that someone else changed
 * it, sees the page reloaded with the other person's wording, and has overwritten nothing (412 behind the scenes).
 */
class MembershipConflictPortalIT extends BrowserTest {

    private static final String ORGANISATION = "/api/membership/organisations/org-westmid-college";

    static MembershipApi membership;
    static String orgAdminToken;

    @BeforeAll
    static void connect() {
        membership = new MembershipApi(platform);
        orgAdminToken = membership.tokenFor("orgadmin");
    }

    @Test
    void anOrgAdminWhoSavesAMemorandumSomeoneElseJustRevisedIsToldAndSeesTheirVersion() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        JsonNode draft = membership.call("POST", ORGANISATION + "/mous", orgAdminToken, Map.of(
                "organisationCommitments", "Host meetings (" + unique + ")",
                "programmeCommitments", "Facilitator training",
                "startsOn", LocalDate.now().toString(), "endsOn", LocalDate.now().plusYears(1).toString()), 201);
        String mouId = draft.get("id").asString();

        signInAt("/organisation/partnership.html", "orgadmin");
        openSection("Memorandum of Understanding");
        Locator mou = page.locator("li[data-mou='" + mouId + "']");
        mou.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Revise the draft")).click();
        Locator form = page.locator("#revise-" + mouId + "-form");
        form.getByLabel("What your organisation commits to").fill("Our wording, typed in the browser (" + unique + ")");

        // meanwhile a colleague saves a revision of the same version
        membership.call("PUT", ORGANISATION + "/mous/" + mouId, orgAdminToken, Map.of(
                "organisationCommitments", "The colleague's wording (" + unique + ")",
                "programmeCommitments", "Facilitator training",
                "startsOn", LocalDate.now().toString(), "endsOn", LocalDate.now().plusYears(1).toString()), 200,
                Map.of("If-Match", "\"" + draft.get("version").asLong() + "\""));

        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save the draft")).click();

        Locator conflict = page.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions()
                .setHasText("Someone else changed this"));
        assertThat(conflict).isVisible();
        assertThat(conflict).containsText("reloaded");
        assertThat(conflict).isFocused();
        assertThat(page.locator("li[data-mou='" + mouId + "']")).containsText("The colleague's wording (" + unique + ")");
        assertThat(page.locator("li[data-mou='" + mouId + "']")).not().containsText("Our wording");
        screenshot("organisation-partnership-conflict");
        Accessibility.assertNoViolations(page, "the partnership page telling of a conflicting change");

        JsonNode kept = membership.call("GET", ORGANISATION + "/mous/" + mouId, orgAdminToken, null, 200);
        org.assertj.core.api.Assertions.assertThat(kept.get("organisationCommitments").asString())
                .isEqualTo("The colleague's wording (" + unique + ")");
        org.assertj.core.api.Assertions.assertThat(kept.get("version").asLong()).isEqualTo(2);
    }
}
