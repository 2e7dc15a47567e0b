import { Migration } from '@mikro-orm/migrations';

export class Migration20261125044446 extends Migration {
  override name = 'Migration20261125044446';

  override up(): void | Promise<void> {
    this.addSql(
      `create table \`media_files\` (\`id\` int unsigned not null auto_increment primary key, \`message_id\` int unsigned null, \`uploaded_by_id\` int unsigned null, \`kind\` enum('IMAGE','DOCUMENT','AUDIO','VIDEO','STICKER') not null, \`status\` enum('PENDING','STORED','FAILED') not null default 'PENDING', \`whatsapp_media_id\` varchar(128) null, \`mime_type\` varchar(128) null, \`filename\` varchar(255) null, \`caption\` text null, \`size_bytes\` int null, \`sha256\` varchar(64) null, \`storage_key\` varchar(255) null, \`error\` varchar(512) null, \`attempts\` int not null default 0, \`next_attempt_at\` datetime(3) not null, \`claimed_until\` datetime(3) null, \`created_at\` datetime(3) not null) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(`alter table \`media_files\` add index \`media_files_message_id_index\` (\`message_id\`);`);
    this.addSql(`alter table \`media_files\` add unique \`media_files_message_id_unique\` (\`message_id\`);`);
    this.addSql(`alter table \`media_files\` add index \`media_files_uploaded_by_id_index\` (\`uploaded_by_id\`);`);
    this.addSql(
      `alter table \`media_files\` add index \`media_files_status_next_attempt_at_index\` (\`status\`, \`next_attempt_at\`);`,
    );

    this.addSql(`alter table \`whatsapp_outbox\` add \`media_file_id\` int unsigned null;`);
    this.addSql(
      `alter table \`whatsapp_outbox\` add constraint \`whatsapp_outbox_media_file_id_foreign\` foreign key (\`media_file_id\`) references \`media_files\` (\`id\`) on delete set null;`,
    );
    this.addSql(
      `alter table \`whatsapp_outbox\` add index \`whatsapp_outbox_media_file_id_index\` (\`media_file_id\`);`,
    );

    this.addSql(
      `alter table \`media_files\` add constraint \`media_files_message_id_foreign\` foreign key (\`message_id\`) references \`support_messages\` (\`id\`) on delete cascade;`,
    );
    this.addSql(
      `alter table \`media_files\` add constraint \`media_files_uploaded_by_id_foreign\` foreign key (\`uploaded_by_id\`) references \`admins\` (\`id\`) on delete set null;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`whatsapp_outbox\` drop foreign key \`whatsapp_outbox_media_file_id_foreign\`;`);

    this.addSql(`drop table if exists \`media_files\`;`);

    this.addSql(`alter table \`whatsapp_outbox\` drop index \`whatsapp_outbox_media_file_id_index\`;`);
    this.addSql(`alter table \`whatsapp_outbox\` drop column \`media_file_id\`;`);
  }
}
