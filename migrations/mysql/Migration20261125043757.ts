import { Migration } from '@mikro-orm/migrations';

export class Migration20261125043757 extends Migration {

  override name = 'Migration20261125043757';

  override up(): void | Promise<void> {
    this.addSql(`create table \`media_files\` (\`id\` int unsigned not null auto_increment primary key, \`message_id\` int unsigned not null, \`kind\` enum('IMAGE','DOCUMENT','AUDIO','VIDEO','STICKER') not null, \`status\` enum('PENDING','STORED','FAILED') not null default 'PENDING', \`whatsapp_media_id\` varchar(128) null, \`mime_type\` varchar(128) null, \`filename\` varchar(255) null, \`caption\` text null, \`size_bytes\` int null, \`sha256\` varchar(64) null, \`storage_key\` varchar(255) null, \`error\` varchar(512) null, \`attempts\` int not null default 0, \`next_attempt_at\` datetime(3) not null, \`claimed_until\` datetime(3) null, \`created_at\` datetime(3) not null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`media_files\` add index \`media_files_message_id_index\` (\`message_id\`);`);
    this.addSql(`alter table \`media_files\` add unique \`media_files_message_id_unique\` (\`message_id\`);`);
    this.addSql(`alter table \`media_files\` add index \`media_files_status_next_attempt_at_index\` (\`status\`, \`next_attempt_at\`);`);

    this.addSql(`alter table \`media_files\` add constraint \`media_files_message_id_foreign\` foreign key (\`message_id\`) references \`support_messages\` (\`id\`) on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`media_files\`;`);
  }

}
