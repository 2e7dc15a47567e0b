import { Migration } from '@mikro-orm/migrations';

export class Migration20261125033010 extends Migration {
  override name = 'Migration20261125033010';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`audit_log\` add \`contact_id\` int null;`);
    this.addSql(
      `alter table \`audit_log\` add index \`audit_log_contact_id_created_at_index\` (\`contact_id\`, \`created_at\`);`,
    );

    this.addSql(
      `alter table \`contacts\` add \`notes\` text null, add \`notes_updated_at\` datetime(3) null, add \`notes_updated_by_id\` int unsigned null, add \`notes_revision\` int not null default 0, add \`name_set_by_agent\` tinyint(1) not null default false;`,
    );
    this.addSql(
      `alter table \`contacts\` add constraint \`contacts_notes_updated_by_id_foreign\` foreign key (\`notes_updated_by_id\`) references \`admins\` (\`id\`) on delete set null;`,
    );
    this.addSql(`alter table \`contacts\` add index \`contacts_notes_updated_by_id_index\` (\`notes_updated_by_id\`);`);

    this.addSql(
      `alter table \`support_tickets\` add \`snoozed_at\` datetime(3) null, add \`snoozed_until\` datetime(3) null, add \`snoozed_by_id\` int unsigned null;`,
    );
    this.addSql(
      `alter table \`support_tickets\` add constraint \`support_tickets_snoozed_by_id_foreign\` foreign key (\`snoozed_by_id\`) references \`admins\` (\`id\`) on delete set null;`,
    );
    this.addSql(
      `alter table \`support_tickets\` add index \`support_tickets_snoozed_by_id_index\` (\`snoozed_by_id\`);`,
    );
    this.addSql(
      `alter table \`support_tickets\` add index \`support_tickets_snoozed_until_index\` (\`snoozed_until\`);`,
    );

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
    this.addSql(`alter table \`contacts\` drop foreign key \`contacts_notes_updated_by_id_foreign\`;`);

    this.addSql(`alter table \`support_tickets\` drop foreign key \`support_tickets_snoozed_by_id_foreign\`;`);

    this.addSql(`alter table \`audit_log\` drop index \`audit_log_contact_id_created_at_index\`;`);
    this.addSql(`alter table \`audit_log\` drop column \`contact_id\`;`);

    this.addSql(`alter table \`contacts\` drop index \`contacts_notes_updated_by_id_index\`;`);
    this.addSql(
      `alter table \`contacts\` drop column \`notes\`, drop column \`notes_updated_at\`, drop column \`notes_updated_by_id\`, drop column \`notes_revision\`, drop column \`name_set_by_agent\`;`,
    );

    this.addSql(`alter table \`support_tickets\` drop index \`support_tickets_snoozed_by_id_index\`;`);
    this.addSql(`alter table \`support_tickets\` drop index \`support_tickets_snoozed_until_index\`;`);
    this.addSql(
      `alter table \`support_tickets\` drop column \`snoozed_at\`, drop column \`snoozed_until\`, drop column \`snoozed_by_id\`;`,
    );
  }
}
