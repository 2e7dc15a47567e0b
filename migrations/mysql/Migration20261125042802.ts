import { Migration } from '@mikro-orm/migrations';

export class Migration20261125042802 extends Migration {
  override name = 'Migration20261125042802';

  override up(): void | Promise<void> {
    this.addSql(
      `create table \`desk_routing\` (\`id\` int unsigned not null, \`mode\` enum('OFF','ROUND_ROBIN','LEAST_LOADED') not null default 'OFF', \`default_capacity\` int not null default 5, \`last_assigned_admin_id\` int null, \`updated_at\` datetime(3) not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`,
    );

    this.addSql(
      `alter table \`admins\` add \`available\` tinyint(1) not null default false, add \`capacity\` int null;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`desk_routing\`;`);

    this.addSql(`alter table \`admins\` drop column \`available\`, drop column \`capacity\`;`);
  }
}
