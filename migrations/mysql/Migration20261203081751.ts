import { Migration } from '@mikro-orm/migrations';

// A search looks the ticket's issue and name up in a FULLTEXT index, as it looks messages up,
// instead of a LIKE over every ticket; a number's start through phone_number's index and its end through
// phone_number_reversed's (see Ticket). The list's newest-first orders get an index of their own, for a search's
// first look at the newest tickets.
export class Migration20261203081751 extends Migration {
  override name = 'Migration20261203081751';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`support_tickets\` add \`phone_number_reversed\` varchar(140) null;`);
    this.addSql(`update \`support_tickets\` set \`phone_number_reversed\` = reverse(\`phone_number\`);`);
    this.addSql(
      `alter table \`support_tickets\` add index \`support_tickets_phone_number_reversed_index\` (\`phone_number_reversed\`), add index \`support_tickets_last_message_at_index\` (\`last_message_at\`), add index \`support_tickets_updated_at_index\` (\`updated_at\`);`,
    );
    this.addSql(
      `alter table \`support_tickets\` add fulltext index \`support_tickets_search_fulltext\`(\`issue_description\`,\`sender_name\`);`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`support_tickets\` drop index \`support_tickets_search_fulltext\`;`);
    this.addSql(`alter table \`support_tickets\` drop index \`support_tickets_last_message_at_index\`;`);
    this.addSql(`alter table \`support_tickets\` drop index \`support_tickets_updated_at_index\`;`);
    this.addSql(`alter table \`support_tickets\` drop index \`support_tickets_phone_number_reversed_index\`;`);
    this.addSql(`alter table \`support_tickets\` drop column \`phone_number_reversed\`;`);
  }
}
