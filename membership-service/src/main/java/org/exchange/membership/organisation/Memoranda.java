package org.exchange.membership.organisation;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.exchange.membership.versioning.ExpectedVersion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The Memoranda of Understanding of the partner organisations. */
@Repository
class Memoranda {

    private final JdbcClient jdbc;

    Memoranda(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<MemorandumOfUnderstanding> find(String organisationId, UUID id) {
        return jdbc.sql("select * from memorandum_of_understanding where id = :id and organisation_id = :organisation")
                .param("id", id).param("organisation", organisationId)
                .query((rs, row) -> memorandum(rs)).optional();
    }

    List<MemorandumOfUnderstanding> of(String organisationId) {
        return jdbc.sql("select * from memorandum_of_understanding where organisation_id = :organisation"
                + " order by created_at desc")
                .param("organisation", organisationId)
                .query((rs, row) -> memorandum(rs)).list();
    }

    List<MemorandumOfUnderstanding> signedEndingBefore(LocalDate day) {
        return jdbc.sql("select * from memorandum_of_understanding where status = 'SIGNED' and ends_on < :day")
                .param("day", Date.valueOf(day))
                .query((rs, row) -> memorandum(rs)).list();
    }

    /**
     * Stores a new memorandum, or a change to the version it was read at.
     *
     * @return the memorandum at its new version
     * @throws ExpectedVersion.Stale when someone else changed it since it was read
     */
    MemorandumOfUnderstanding save(MemorandumOfUnderstanding mou) {
        int stored = jdbc.sql("""
                insert into memorandum_of_understanding (id, organisation_id, status, organisation_commitments,
                  programme_commitments, starts_on, ends_on, signatory_name, signatory_role, signed_on, created_at,
                  version)
                values (:id, :organisation, :status, :organisationCommitments, :programmeCommitments, :startsOn,
                  :endsOn, :signatoryName, :signatoryRole, :signedOn, :createdAt, 1)
                on conflict (id) do update set version = memorandum_of_understanding.version + 1,
                  status = excluded.status,
                  organisation_commitments = excluded.organisation_commitments,
                  programme_commitments = excluded.programme_commitments, starts_on = excluded.starts_on,
                  ends_on = excluded.ends_on, signatory_name = excluded.signatory_name,
                  signatory_role = excluded.signatory_role, signed_on = excluded.signed_on
                where memorandum_of_understanding.version = :version""")
                .param("id", mou.id())
                .param("organisation", mou.organisationId())
                .param("status", mou.status().name())
                .param("organisationCommitments", mou.organisationCommitments())
                .param("programmeCommitments", mou.programmeCommitments())
                .param("startsOn", Date.valueOf(mou.startsOn()))
                .param("endsOn", Date.valueOf(mou.endsOn()))
                .param("signatoryName", mou.signatoryName())
                .param("signatoryRole", mou.signatoryRole())
                .param("signedOn", mou.signedOn() == null ? null : Date.valueOf(mou.signedOn()))
                .param("createdAt", Timestamp.from(mou.createdAt()))
                .param("version", mou.version())
                .update();
        if (stored == 0) {
            throw new ExpectedVersion.Stale("this memorandum");
        }
        return find(mou.organisationId(), mou.id()).orElseThrow();
    }

    private static MemorandumOfUnderstanding memorandum(ResultSet rs) throws SQLException {
        Date signedOn = rs.getDate("signed_on");
        return new MemorandumOfUnderstanding(rs.getObject("id", UUID.class), rs.getString("organisation_id"),
                MemorandumOfUnderstanding.Status.valueOf(rs.getString("status")),
                rs.getString("organisation_commitments"), rs.getString("programme_commitments"),
                rs.getDate("starts_on").toLocalDate(), rs.getDate("ends_on").toLocalDate(),
                rs.getString("signatory_name"), rs.getString("signatory_role"),
                signedOn == null ? null : signedOn.toLocalDate(), rs.getTimestamp("created_at").toInstant(),
                rs.getLong("version"));
    }
}
