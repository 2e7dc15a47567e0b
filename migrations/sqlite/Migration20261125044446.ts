import { Migration } from '@mikro-orm/migrations';

export class Migration20261125044446 extends Migration {
  override name = 'Migration20261125044446';

  override up(): void | Promise<void> {
    this.addSql(
      `create table \`media_files\` (\`id\` integer not null primary key autoincrement, \`message_id\` integer null, \`uploaded_by_id\` integer null, \`kind\` text check (\`kind\` in ('IMAGE', 'DOCUMENT', 'AUDIO', 'VIDEO', 'STICKER')) not null, \`status\` text check (\`status\` in ('PENDING', 'STORED', 'FAILED')) not null default 'PENDING', \`whatsapp_media_id\` text null, \`mime_type\` text null, \`filename\` text null, \`caption\` text null, \`size_bytes\` integer null, \`sha256\` text null, \`storage_key\` text null, \`error\` text null, \`attempts\` integer not null default 0, \`next_attempt_at\` datetime not null, \`claimed_until\` datetime null, \`created_at\` datetime not null, constraint \`media_files_message_id_foreign\` foreign key (\`message_id\`) references \`support_messages\` (\`id\`) on delete cascade, constraint \`media_files_uploaded_by_id_foreign\` foreign key (\`uploaded_by_id\`) references \`admins\` (\`id\`) on delete set null);`,
    );
    this.addSql(`create index \`media_files_message_id_index\` on \`media_files\` (\`message_id\`);`);
    this.addSql(`create unique index \`media_files_message_id_unique\` on \`media_files\` (\`message_id\`);`);
    this.addSql(`create index \`media_files_uploaded_by_id_index\` on \`media_files\` (\`uploaded_by_id\`);`);
    this.addSql(
      `create index \`media_files_status_next_attempt_at_index\` on \`media_files\` (\`status\`, \`next_attempt_at\`);`,
    );

    this.addSql(
      `alter table \`whatsapp_outbox\` add column \`media_file_id\` integer null constraint \`whatsapp_outbox_media_file_id_foreign\` references \`media_files\` (\`id\`) on delete set null;`,
    );
    this.addSql(`create index \`whatsapp_outbox_media_file_id_index\` on \`whatsapp_outbox\` (\`media_file_id\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`media_files\`;`);

    this.addSql(`drop index \`whatsapp_outbox_media_file_id_index\`;`);
    this.addSql(`alter table \`whatsapp_outbox\` drop column \`media_file_id\`;`);
  }
}
