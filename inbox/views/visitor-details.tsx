import type { ComponentChildren } from 'preact';
import type { InquiryDetail } from '../../contract/inbox';
import { mailtoHref } from '../format';
import { ExternalLink } from './external-link';
import { FileList } from './file-list';

/** A `tel:` link for numbers that look like one; anything else stays text. */
function telHref(phone: string): string | null {
  const dialable = phone.replace(/[^\d+]/g, '');
  return /^\+?\d{5,}$/.test(dialable) ? `tel:${dialable}` : null;
}

function Row({ term, children }: { term: string; children: ComponentChildren }) {
  return (
    <div class="detail-row">
      <dt>{term}</dt>
      <dd dir="auto">{children}</dd>
    </div>
  );
}

/** Who wrote, about what, from which page, and why it reached this rep. */
export function VisitorDetails({ inquiry }: { inquiry: InquiryDetail }) {
  const { visitor, page } = inquiry;
  const phone = visitor.phone ? telHref(visitor.phone) : null;
  return (
    <dl class="details">
      {visitor.name && <Row term="Name">{visitor.name}</Row>}
      <Row term="Email">
        <a href={mailtoHref(visitor.email)}>{visitor.email}</a>
      </Row>
      {visitor.company && <Row term="Company">{visitor.company}</Row>}
      {visitor.country && <Row term="Country">{visitor.country}</Row>}
      {visitor.phone && (
        <Row term="Phone / WhatsApp">
          {phone ? <a href={phone}>{visitor.phone}</a> : visitor.phone}
        </Row>
      )}
      {inquiry.products.length > 0 && (
        <Row term={inquiry.products.length === 1 ? 'Product' : 'Products'}>
          <ul class="products">
            {inquiry.products.map((product, index) => (
              <li key={index}>
                {product.url ? (
                  <ExternalLink url={product.url} label={product.name} />
                ) : (
                  product.name
                )}
                {product.sku && <span class="sku"> SKU {product.sku}</span>}
                {product.quantity !== undefined && (
                  <span class="quantity">
                    {' · '}
                    {product.quantity.toLocaleString('en')} {product.unit ?? ''}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </Row>
      )}
      {inquiry.attachments.length > 0 && (
        <Row term={inquiry.attachments.length === 1 ? 'Attachment' : 'Attachments'}>
          <FileList inquiryId={inquiry.id} files={inquiry.attachments} />
        </Row>
      )}
      {inquiry.quantity !== null && (
        <Row term="Quantity">
          {inquiry.quantity.toLocaleString('en')} {inquiry.unit ?? ''}
        </Row>
      )}
      {page.url && (
        <Row term="Page">
          <ExternalLink url={page.url} />
        </Row>
      )}
      {page.referrer && (
        <Row term="Referrer">
          <ExternalLink url={page.referrer} />
        </Row>
      )}
      {page.language && <Row term="Language">{page.language}</Row>}
      {inquiry.visitorLocalTime && (
        <Row term="Visitor's local time">{inquiry.visitorLocalTime}</Row>
      )}
      <Row term="Assigned to">{inquiry.rep?.name ?? 'Nobody yet (queue)'}</Row>
      {inquiry.assignmentReason && <Row term="Why">{inquiry.assignmentReason}</Row>}
    </dl>
  );
}
