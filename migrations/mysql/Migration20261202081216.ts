import { Migration } from '@mikro-orm/migrations';

export class Migration20261202081216 extends Migration {
  override name = 'Migration20261202081216';

  override up(): void | Promise<void> {
    this.addSql(
      `create table \`password_resets\` (\`id\` int unsigned not null auto_increment primary key, \`code_hash\` varchar(64) not null, \`admin_id\` int unsigned not null, \`created_by_id\` int not null, \`created_at\` datetime(3) not null, \`expires_at\` datetime(3) not null, \`used_at\` datetime(3) null) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(`alter table \`password_resets\` add unique \`password_resets_code_hash_unique\` (\`code_hash\`);`);
    this.addSql(`alter table \`password_resets\` add index \`password_resets_admin_id_index\` (\`admin_id\`);`);

    this.addSql(
      `alter table \`auth_sessions\` add \`last_used_at\` datetime(3) null, add \`user_agent\` varchar(255) null, add \`ip_address\` varchar(45) null;`,
    );

    this.addSql(
      `alter table \`password_resets\` add constraint \`password_resets_admin_id_foreign\` foreign key (\`admin_id\`) references \`admins\` (\`id\`) on delete cascade;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`password_resets\`;`);

    this.addSql(
      `alter table \`auth_sessions\` drop column \`last_used_at\`, drop column \`user_agent\`, drop column \`ip_address\`;`,
    );
  }
}
