import { Migration } from '@mikro-orm/migrations';

export class Migration20261125042801 extends Migration {
  override name = 'Migration20261125042801';

  override up(): void | Promise<void> {
    this.addSql(
      `create table \`desk_routing\` (\`id\` integer not null primary key, \`mode\` text check (\`mode\` in ('OFF', 'ROUND_ROBIN', 'LEAST_LOADED')) not null default 'OFF', \`default_capacity\` integer not null default 5, \`last_assigned_admin_id\` integer null, \`updated_at\` datetime not null);`,
    );

    this.addSql(`alter table \`admins\` add column \`available\` integer not null default false;`);
    this.addSql(`alter table \`admins\` add column \`capacity\` integer null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`desk_routing\`;`);

    this.addSql(`alter table \`admins\` drop column \`available\`;`);
    this.addSql(`alter table \`admins\` drop column \`capacity\`;`);
  }
}
