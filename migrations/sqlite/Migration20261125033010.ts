import { Migration } from '@mikro-orm/migrations';

export class Migration20261125033010 extends Migration {
  override name = 'Migration20261125033010';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`audit_log\` add column \`contact_id\` integer null;`);
    this.addSql(
      `create index \`audit_log_contact_id_created_at_index\` on \`audit_log\` (\`contact_id\`, \`created_at\`);`,
    );

    this.addSql(`alter table \`contacts\` add column \`notes\` text null;`);
    this.addSql(`alter table \`contacts\` add column \`notes_updated_at\` datetime null;`);
    this.addSql(
      `alter table \`contacts\` add column \`notes_updated_by_id\` integer null constraint \`contacts_notes_updated_by_id_foreign\` references \`admins\` (\`id\`) on delete set null;`,
    );
    this.addSql(`alter table \`contacts\` add column \`notes_revision\` integer not null default 0;`);
    this.addSql(`alter table \`contacts\` add column \`name_set_by_agent\` integer not null default false;`);
    this.addSql(`create index \`contacts_notes_updated_by_id_index\` on \`contacts\` (\`notes_updated_by_id\`);`);

    this.addSql(`alter table \`support_tickets\` add column \`snoozed_at\` datetime null;`);
    this.addSql(`alter table \`support_tickets\` add column \`snoozed_until\` datetime null;`);
    this.addSql(
      `alter table \`support_tickets\` add column \`snoozed_by_id\` integer null constraint \`support_tickets_snoozed_by_id_foreign\` references \`admins\` (\`id\`) on delete set null;`,
    );
    this.addSql(`create index \`support_tickets_snoozed_by_id_index\` on \`support_tickets\` (\`snoozed_by_id\`);`);
    this.addSql(`create index \`support_tickets_snoozed_until_index\` on \`support_tickets\` (\`snoozed_until\`);`);

    // Contacts are now kept for tickets opened through the API too: numbers known only from such tickets get theirs.
    this.addSql(`insert into \`contacts\` (\`phone_number\`, \`name\`, \`student_id\`, \`created_at\`, \`updated_at\`)
      select t.\`phone_number\`,
             (select n.\`sender_name\` from \`support_tickets\` n where n.\`phone_number\` = t.\`phone_number\` and n.\`sender_name\` is not null order by n.\`id\` desc limit 1),
             (select s.\`student_id\` from \`support_tickets\` s where s.\`phone_number\` = t.\`phone_number\` and s.\`student_id\` is not null order by s.\`id\` desc limit 1),
             min(t.\`created_at\`), max(t.\`updated_at\`)
        from \`support_tickets\` t
       where not exists (select 1 from \`contacts\` c where c.\`phone_number\` = t.\`phone_number\`)
       group by t.\`phone_number\`;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index \`audit_log_contact_id_created_at_index\`;`);
    this.addSql(`alter table \`audit_log\` drop column \`contact_id\`;`);

    this.addSql(`drop index \`contacts_notes_updated_by_id_index\`;`);
    this.addSql(`alter table \`contacts\` drop column \`notes\`;`);
    this.addSql(`alter table \`contacts\` drop column \`notes_updated_at\`;`);
    this.addSql(`alter table \`contacts\` drop column \`notes_updated_by_id\`;`);
    this.addSql(`alter table \`contacts\` drop column \`notes_revision\`;`);
    this.addSql(`alter table \`contacts\` drop column \`name_set_by_agent\`;`);

    this.addSql(`drop index \`support_tickets_snoozed_by_id_index\`;`);
    this.addSql(`drop index \`support_tickets_snoozed_until_index\`;`);
    this.addSql(`alter table \`support_tickets\` drop column \`snoozed_at\`;`);
    this.addSql(`alter table \`support_tickets\` drop column \`snoozed_until\`;`);
    this.addSql(`alter table \`support_tickets\` drop column \`snoozed_by_id\`;`);
  }
}
