/** A shipping address as stored and returned (validated on the way in by ShippingAddressDto). */
export interface ShippingAddress {
  name: string;
  line1: string;
  line2?: string;
  city: string;
  postalCode: string;
  country: string;
}
