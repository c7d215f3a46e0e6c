package org.exchange.membership.support;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Makes PostgreSQL itself refuse the commit of a transaction that writes a row about a given person, after everything
 * inside the transaction has run: a deferred constraint trigger, checked at commit.
 */
public final class RefusedCommits {

    private RefusedCommits() {
    }

    /**
     * From now on, a transaction that inserts or updates a row of the table whose {@code personColumn} names the
     * person fails at its commit.
     */
    public static void refuseCommitsOf(JdbcClient jdbc, String table, String personColumn, UUID person) {
        jdbc.sql("create table if not exists test_commit_refused (practitioner_id uuid primary key)").update();
        jdbc.sql("""
                create or replace function test_refuse_commit() returns trigger language plpgsql as $$
                begin
                  if exists (select 1 from test_commit_refused
                             where practitioner_id = (to_jsonb(new) ->> tg_argv[0])::uuid) then
                    raise exception 'the commit of a change of % about % is refused (test)', tg_table_name,
                      to_jsonb(new) ->> tg_argv[0];
                  end if;
                  return null;
                end $$""").update();
        jdbc.sql("drop trigger if exists test_refuse_commit on " + table).update();
        jdbc.sql("create constraint trigger test_refuse_commit after insert or update on " + table
                + " deferrable initially deferred for each row execute function test_refuse_commit('"
                + personColumn + "')").update();
        jdbc.sql("insert into test_commit_refused values (:id) on conflict do nothing").param("id", person).update();
    }
}
