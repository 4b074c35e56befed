#!/usr/bin/perl
# Prints the exceptions table of Sources/PDPCheck/Metadata/XMPNames.swift from ExifTool's own XMP
# tables: "N <ns> <tagID> <name>" where ExifTool's tag name differs from the default rule
# (parent prefix + field name with its first letter upper-cased), and "P <ns> <tagID> <prefix>"
# where a structure's fields are flattened under a different prefix than its name.
#   perl Corpus/media/payloads/xmp-name-table.pl > names.tsv
use strict; use warnings;
use Image::ExifTool qw(:Public);
use Image::ExifTool::XMP;
require 'Image/ExifTool/XMP2.pl';
require Image::ExifTool::MWG; require Image::ExifTool::Microsoft;
no strict 'refs';
my %want = map {$_=>1} qw(dc xmp xmpRights xmpMM exif exifEX tiff aux photoshop Iptc4xmpCore Iptc4xmpExt mwg-rs mwg-kw MP MicrosoftPhoto lr digiKam GPano GCamera GImage GDepth apple-fi xmpDM acdsee mediapro);
my @tables;
for my $pkg ("Image::ExifTool::XMP::", "Image::ExifTool::MWG::", "Image::ExifTool::Microsoft::") {
  for my $tname (sort keys %{$pkg}) { my $t0 = \%{"$pkg$tname"}; next unless ref $t0 eq "HASH" and $t0->{GROUPS} and $t0->{NAMESPACE}; (my $tn = "$pkg$tname") =~ s/::$//; next unless ref $t0->{GROUPS} eq "HASH" and defined $t0->{NAMESPACE} and !ref $t0->{NAMESPACE}; my $t = eval { Image::ExifTool::GetTagTable($tn) } or next;
    next unless ref $t eq 'HASH' and $t->{GROUPS} and $t->{NAMESPACE}; push @tables, $t; }
}
my (%names, %flats);
sub walk { my ($ns, $t, $id, $info, $parentPrefix, $local, $depth) = @_;
  return if $depth > 6;
  my $actual = (ref $t->{$id} eq 'HASH' && defined $t->{$id}{Name}) ? $t->{$id}{Name} : undef;
  my $default = defined $parentPrefix ? $parentPrefix . ucfirst($local) : ucfirst($local);
  $actual //= $default;
  $names{"$ns\t$id"} = $actual if $actual ne $default;
  my $prefix = $actual;
  # ExifTool's prefix for children: FlatName of the (flattened) tag if defined, else its Name
  my $ti = ref $t->{$id} eq 'HASH' ? $t->{$id} : $info;
  my $fl = $ti->{FlatName} // $info->{FlatName};
  if (defined $fl && $depth > 0 && !(ref $t->{$id} eq 'HASH' && defined $t->{$id}{FlatName})) { $fl = $parentPrefix . $fl; }
  $prefix = $fl if defined $fl;
  $flats{"$ns\t$id"} = $prefix if $prefix ne $actual;
  my $st = $info->{Struct}; return unless ref $st eq 'HASH';
  for my $f (sort keys %$st) { next if $f =~ /^[A-Z_]+$/ and $f !~ /[a-z]/; my $fi = $st->{$f}; next unless ref $fi eq 'HASH'; next if $fi->{LangCode};
    walk($ns, $t, $id . ucfirst($f), $fi, $prefix, $f, $depth+1); }
}
for my $t (@tables) {
  my $ns = $t->{NAMESPACE}; $ns = $ns->[0] if ref $ns eq 'ARRAY'; next unless $want{$ns};
  Image::ExifTool::XMP::AddFlattenedTags($t);
  for my $id (sort keys %$t) { my $i=$t->{$id}; next unless ref $i eq 'HASH'; next if defined $i->{Flat}; next if $id =~ /^[A-Z_]+$/;
    walk($ns, $t, $id, $i, undef, $id, 0); }
}
print "N\t$_\t$names{$_}\n" for sort keys %names;
print "P\t$_\t$flats{$_}\n" for sort keys %flats;
