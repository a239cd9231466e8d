/**
 * The e-mails (React Email): one notification, or a digest of several. Rendered offline, styles
 * inlined; every link is absolute (docs/domain.md "Notifications").
 */
import {
  Body,
  Button,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Link,
  Preview,
  Section,
  Text,
} from "@react-email/components";

export interface EmailItem {
  title: string;
  body: string;
  url: string;
}

const page = { backgroundColor: "#f6f7f9", fontFamily: "system-ui, sans-serif" };
const card = {
  backgroundColor: "#ffffff",
  padding: "24px",
  margin: "24px auto",
  maxWidth: "560px",
};
const muted = { color: "#6b7280", fontSize: "12px" };

function Footer({ unsubscribeUrl, what }: { unsubscribeUrl: string | null; what: string }) {
  return (
    <>
      <Hr />
      {unsubscribeUrl ? (
        <Text style={muted}>
          You receive {what} from Atlas. <Link href={unsubscribeUrl}>Unsubscribe</Link>
        </Text>
      ) : (
        <Text style={muted}>Atlas sends this notice to every owner of the workspace.</Text>
      )}
    </>
  );
}

export function NotificationEmail(props: {
  item: EmailItem;
  unsubscribeUrl: string | null;
  what: string;
}) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{props.item.title}</Preview>
      <Body style={page}>
        <Container style={card}>
          <Heading as="h2">{props.item.title}</Heading>
          <Text>{props.item.body}</Text>
          <Button href={props.item.url} style={{ color: "#2563eb" }}>
            Open in Atlas
          </Button>
          <Footer unsubscribeUrl={props.unsubscribeUrl} what={props.what} />
        </Container>
      </Body>
    </Html>
  );
}

export function DigestEmail(props: {
  heading: string;
  items: readonly EmailItem[];
  unsubscribeUrl: string;
}) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{`${props.items.length} updates from Atlas`}</Preview>
      <Body style={page}>
        <Container style={card}>
          <Heading as="h2">{props.heading}</Heading>
          {props.items.map((item, i) => (
            <Section key={i}>
              <Text style={{ fontWeight: 600, marginBottom: 0 }}>
                <Link href={item.url}>{item.title}</Link>
              </Text>
              <Text style={{ marginTop: 4 }}>{item.body}</Text>
            </Section>
          ))}
          <Footer unsubscribeUrl={props.unsubscribeUrl} what="this digest" />
        </Container>
      </Body>
    </Html>
  );
}
