import { Migration } from '@mikro-orm/migrations';

export class Migration20261202081900 extends Migration {
  override name = 'Migration20261202081900';

  override up(): void | Promise<void> {
    this.addSql(
      `create table \`inbound_failures\` (\`id\` integer not null primary key autoincrement, \`element_key\` text not null, \`kind\` text not null, \`state\` text check (\`state\` in ('PARKED', 'RESOLVED', 'DISMISSED')) not null default 'PARKED', \`whatsapp_id\` text null, \`sender\` text null, \`field\` text null, \`phone_number_id\` text null, \`raw\` json not null, \`error_code\` text not null, \`error_message\` text not null, \`attempts\` integer not null default 1, \`received_at\` datetime not null, \`last_failed_at\` datetime not null, \`closed_at\` datetime null, \`closed_by\` integer null);`,
    );
    this.addSql(
      `create unique index \`inbound_failures_element_key_unique\` on \`inbound_failures\` (\`element_key\`);`,
    );
    this.addSql(`create index \`inbound_failures_state_id_index\` on \`inbound_failures\` (\`state\`, \`id\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`inbound_failures\`;`);
  }
}
