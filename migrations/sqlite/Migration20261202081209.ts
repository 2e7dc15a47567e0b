import { Migration } from '@mikro-orm/migrations';

export class Migration20261202081209 extends Migration {
  override name = 'Migration20261202081209';

  override up(): void | Promise<void> {
    this.addSql(
      `create table \`password_resets\` (\`id\` integer not null primary key autoincrement, \`code_hash\` text not null, \`admin_id\` integer not null, \`created_by_id\` integer not null, \`created_at\` datetime not null, \`expires_at\` datetime not null, \`used_at\` datetime null, constraint \`password_resets_admin_id_foreign\` foreign key (\`admin_id\`) references \`admins\` (\`id\`) on delete cascade);`,
    );
    this.addSql(`create unique index \`password_resets_code_hash_unique\` on \`password_resets\` (\`code_hash\`);`);
    this.addSql(`create index \`password_resets_admin_id_index\` on \`password_resets\` (\`admin_id\`);`);

    this.addSql(`alter table \`auth_sessions\` add column \`last_used_at\` datetime null;`);
    this.addSql(`alter table \`auth_sessions\` add column \`user_agent\` text null;`);
    this.addSql(`alter table \`auth_sessions\` add column \`ip_address\` text null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`password_resets\`;`);

    this.addSql(`alter table \`auth_sessions\` drop column \`last_used_at\`;`);
    this.addSql(`alter table \`auth_sessions\` drop column \`user_agent\`;`);
    this.addSql(`alter table \`auth_sessions\` drop column \`ip_address\`;`);
  }
}
