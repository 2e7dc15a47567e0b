import { Migration } from '@mikro-orm/migrations';

export class Migration20261125042640 extends Migration {

  override name = 'Migration20261125042640';

  override up(): void | Promise<void> {
    this.addSql(`create table \`message_templates\` (\`id\` int unsigned not null auto_increment primary key, \`name\` varchar(512) not null, \`language_code\` varchar(16) not null, \`body\` text not null, \`parameter_count\` int not null, \`created_at\` datetime(3) not null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`message_templates\` add unique \`message_templates_name_language_code_unique\` (\`name\`, \`language_code\`);`);

    this.addSql(`alter table \`support_messages\` add \`template_name\` varchar(512) null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`message_templates\`;`);

    this.addSql(`alter table \`support_messages\` drop column \`template_name\`;`);
  }

}
